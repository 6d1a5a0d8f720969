#!/usr/bin/env bash
# Coverage-guided fuzzing of the parsers that take bytes from the network or from files
# (SharpFuzz-instrumented assemblies driven by afl-fuzz). The seeds are fuzz/corpus/TARGET/.
#
#   scripts/fuzz.sh TARGET SECONDS    one target (sip, sdp, rtp, rtcp, rfc4733, wav, flow-yaml, call-script)
#   scripts/fuzz.sh all SECONDS       every target in turn, SECONDS each
#   scripts/fuzz.sh list              the targets and what each drives
#
# FUZZ_SEED=N: a fixed seed for afl's random choices (the test command sets one).
# Prints per target: execs, corpus (paths found), crashes, hangs. Exits 1 when any target
# crashed or hung; the inputs are copied to fuzz/findings/TARGET/ (replay one with
# `dotnet fuzz/VikaIvr.Fuzz/bin/Release/net10.0/VikaIvr.Fuzz.dll TARGET FILE`, the uninstrumented
# build: instrumented code only runs under afl-fuzz). afl-fuzz's own output goes to a
# temporary folder that is removed at the end (FUZZ_KEEP=1 keeps it and prints where).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

usage() { sed -n '5,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[[ $# -ge 1 ]] || usage
what="$1"
seconds="${2:-}"
if [[ "$what" != "list" ]]; then
  [[ "$seconds" =~ ^[1-9][0-9]*$ ]] || usage
fi

command -v afl-fuzz >/dev/null || { echo "fuzz.sh: afl-fuzz is missing (scripts/setup.sh installs afl++)" >&2; exit 1; }

# Build, then instrument copies of the assemblies under test (never SharpFuzz or the harness itself).
bin="$root/.build/fuzz/bin"
dotnet tool restore -v quiet >/dev/null
dotnet build fuzz/VikaIvr.Fuzz -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
rm -rf "$bin"; mkdir -p "$bin"
cp -r fuzz/VikaIvr.Fuzz/bin/Release/net10.0/. "$bin/"
for dll in VikaIvr.Sip.dll VikaIvr.Media.dll VikaIvr.Flows.dll; do
  dotnet tool run sharpfuzz "$bin/$dll" >/dev/null
done
harness=(dotnet "$bin/VikaIvr.Fuzz.dll")
prepared=$SECONDS
plain=(dotnet fuzz/VikaIvr.Fuzz/bin/Release/net10.0/VikaIvr.Fuzz.dll)

if [[ "$what" == "list" ]]; then
  "${plain[@]}" list
  exit 0
fi

mapfile -t all < <("${plain[@]}" list | cut -f1)
if [[ "$what" == "all" ]]; then
  targets=("${all[@]}")
else
  printf '%s\n' "${all[@]}" | grep -qx -- "$what" || { echo "fuzz.sh: unknown target '$what' (targets: ${all[*]} or all)" >&2; exit 2; }
  targets=("$what")
fi

# afl-fuzz as root on a shared machine: no CPU-governor check, no core_pattern check (crashes are
# .NET exceptions SharpFuzz reports, not core dumps), no CPU pinning, a plain log instead of the UI.
# `dotnet` itself carries no afl instrumentation (the assemblies do), hence the skipped binary check.
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1
export AFL_SKIP_BIN_CHECK=1 AFL_FORKSRV_INIT_TMOUT=60000
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

stat_of() { awk -F' *: *' -v k="$2" '$1 == k { print $2 }' "$1" 2>/dev/null; }

# FUZZ_SEED=N fixes afl's random choices (the test command's short runs: the same mutations in every
# run, so a red run is a finding to fix, not chance); unset, each run explores anew.
seed=()
[[ -n "${FUZZ_SEED:-}" ]] && seed=(-s "$FUZZ_SEED")

failed=0
printf '%-12s %10s %8s %8s %6s %8s\n' target execs corpus crashes hangs seconds
for t in "${targets[@]}"; do
  out="$(mktemp -d "${TMPDIR:-/tmp}/vika-fuzz-$t.XXXXXX")"
  # -t: per-input limit in ms, generous for the JIT's first run; -m none: the .NET runtime
  # reserves far more address space than afl's default limit; -V: stop after SECONDS.
  nice -n 10 afl-fuzz -i "fuzz/corpus/$t" -o "$out" -t 5000 -m none -V "$seconds" "${seed[@]}" -- "${harness[@]}" "$t" \
    >"$out/afl.log" 2>&1 || { echo "fuzz.sh: afl-fuzz failed for $t:" >&2; tail -n 30 "$out/afl.log" >&2; failed=1; continue; }
  stats="$out/default/fuzzer_stats"
  crashes="$(stat_of "$stats" saved_crashes)"; hangs="$(stat_of "$stats" saved_hangs)"
  printf '%-12s %10s %8s %8s %6s %8s\n' "$t" "$(stat_of "$stats" execs_done)" "$(stat_of "$stats" corpus_count)" \
    "${crashes:-?}" "${hangs:-?}" "$(stat_of "$stats" run_time)"
  if [[ "${crashes:-1}" != 0 || "${hangs:-1}" != 0 ]]; then
    failed=1
    findings="$root/fuzz/findings/$t"; mkdir -p "$findings"
    cp "$out"/default/crashes/id* "$out"/default/hangs/id* "$findings/" 2>/dev/null || true
    echo "fuzz.sh: $t: ${crashes:-?} crash(es), ${hangs:-?} hang(s); inputs in fuzz/findings/$t/" >&2
  fi
  if [[ "${FUZZ_KEEP:-}" == 1 ]]; then echo "   afl-fuzz output kept in $out"; else rm -rf "$out"; fi
done
echo "fuzz.sh: build and instrumentation ${prepared} s, all $((SECONDS)) s of wall clock"
exit $failed
