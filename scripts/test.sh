#!/usr/bin/env bash
# The test command: installs what the tests need, builds, runs the unit tests of every layer,
# the shipped call scripts (vika simulate), every fuzz target for 8 s (afl-fuzz) and the interop
# tests with real SIP clients (SIPp, baresip) calling a real server over loopback.
#
#   scripts/test.sh              everything, once
#   scripts/test.sh --repeat N   setup and build once, then only the unit suites N times in a row
#                                (stops at the first failing run; a flake hunt, not a full check)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

repeat=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --repeat)
      [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || { echo "usage: scripts/test.sh [--repeat N]  (N a positive whole number)" >&2; exit 2; }
      repeat="$2"; shift 2 ;;
    -h|--help)
      sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *)
      echo "scripts/test.sh: unknown argument '$1' (usage: scripts/test.sh [--repeat N])" >&2; exit 2 ;;
  esac
done

scripts/setup.sh
echo "== build"
dotnet build VikaIvr.sln -c Release -nologo -v quiet -clp:ErrorsOnly
# The house style (.editorconfig): checked after the build, before any test, so a style break
# fails fast in both the plain and the --repeat run. `dotnet format VikaIvr.sln` fixes it.
echo "== format check (dotnet format --verify-no-changes)"
dotnet format VikaIvr.sln --verify-no-changes --no-restore -v quiet || {
  echo "scripts/test.sh: the code is not in the house style (.editorconfig); run: dotnet format VikaIvr.sln" >&2
  exit 1
}
results="$root/.build/test-results"
rm -rf "$results"; mkdir -p "$results"

unit_tests() {
  dotnet test VikaIvr.sln -c Release --no-build --filter "FullyQualifiedName!~VikaIvr.Interop.Tests" \
    --logger "console;verbosity=minimal" --results-directory "$1"
}

if [[ -n "$repeat" ]]; then
  for ((run = 1; run <= repeat; run++)); do
    echo "== unit tests, run $run of $repeat"
    started=$SECONDS
    if ! unit_tests "$results/run-$run"; then
      echo "unit suites: run $run of $repeat FAILED (results in $results/run-$run)"
      echo "unit suites: $((run - 1))/$repeat runs passed"
      exit 1
    fi
    echo "   run $run passed in $((SECONDS - started)) s"
  done
  echo "unit suites: $repeat/$repeat runs passed"
  exit 0
fi

status=0
echo "== unit tests"
unit_tests "$results" || status=$?
echo "== shipped call scripts (vika simulate)"
vika=(dotnet "$root/src/VikaIvr.Server/bin/Release/net10.0/vika.dll")
shopt -s nullglob
VIKA_HOME="$root" "${vika[@]}" simulate tests/scripts/*.vks tests/scripts/operator/*.vks --quiet --junit "$results/scripts.xml" || status=$?
echo "== fuzzing (afl-fuzz, 8 s per target; scripts/fuzz.sh TARGET SECONDS for longer runs)"
FUZZ_SEED=1 scripts/fuzz.sh all 8 || status=$?
echo "== interop tests (SIPp, baresip, the test caller against a running server)"
dotnet test tests/VikaIvr.Interop.Tests -c Release --no-build \
  --logger "console;verbosity=normal" --results-directory "$results" || status=$?
exit $status
