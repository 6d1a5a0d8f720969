#!/usr/bin/env bash
# The test command: installs what the tests need, builds, runs every test project
# (unit, end-to-end call scripts, interop with real SIP clients) and the shipped call scripts.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/setup.sh
dotnet build VikaIvr.sln -c Release -nologo -v quiet -clp:ErrorsOnly
results="$root/.build/test-results"
rm -rf "$results"; mkdir -p "$results"
status=0
dotnet test VikaIvr.sln -c Release --no-build --logger "console;verbosity=normal" --results-directory "$results" || status=$?
echo "== shipped call scripts (vika simulate)"
./vika simulate tests/scripts/*.vks --junit "$results/scripts.xml" || status=$?
exit $status
