#!/usr/bin/env bash
# The test command: installs what the tests need, builds, runs the unit tests of every layer,
# the shipped call scripts (vika simulate) and the interop tests with real SIP clients
# (SIPp, baresip) calling a real server over loopback.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/setup.sh
echo "== build"
dotnet build VikaIvr.sln -c Release -nologo -v quiet -clp:ErrorsOnly
results="$root/.build/test-results"
rm -rf "$results"; mkdir -p "$results"
status=0
echo "== unit tests"
dotnet test VikaIvr.sln -c Release --no-build --filter "FullyQualifiedName!~VikaIvr.Interop.Tests" \
  --logger "console;verbosity=minimal" --results-directory "$results" || status=$?
echo "== shipped call scripts (vika simulate)"
vika=(dotnet "$root/src/VikaIvr.Server/bin/Release/net10.0/vika.dll")
shopt -s nullglob
VIKA_HOME="$root" "${vika[@]}" simulate tests/scripts/*.vks tests/scripts/operator/*.vks --quiet --junit "$results/scripts.xml" || status=$?
echo "== interop tests (SIPp, baresip, the test caller against a running server)"
dotnet test tests/VikaIvr.Interop.Tests -c Release --no-build \
  --logger "console;verbosity=normal" --results-directory "$results" || status=$?
exit $status
