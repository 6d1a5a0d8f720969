#!/usr/bin/env bash
# Benchmark (not a test): SIPp signalling load against a running server on loopback.
# Default: 200 calls/s for 60 s, each call held 5 s (about 1,000 concurrent), over UDP.
#   scripts/load/sipp-signalling.sh [--target 127.0.0.1:5060] [--rate 200] [--seconds 60] [--hold-ms 5000] [--transport u1|t1]
# Start the server first, with the overload limits off (SIPp is one source sending more than
# Sip:MaxCallsPerSourcePerSecond), e.g.:
#   VIKA_Sip__MaxCallsPerSourcePerSecond=0 VIKA_Sip__MaxCallsPerSecond=0 ./vika serve --bind 127.0.0.1 --sip-port 5060 --rtp-ports 20000-29999
# uac_call.xml sends no RTP: with --hold-ms over Media:RtpTimeoutSeconds (30 s) start the server with
# VIKA_Media__RtpTimeoutSeconds=0, or the server hangs the calls up as dead ("media-timeout").
# Prints: calls created, successful, failed, and the INVITE→200 response times (mean, p50, p99, max).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
target=127.0.0.1:5060 rate=200 seconds=60 hold=5000 transport=u1
while [ $# -gt 0 ]; do
  case "$1" in
    --target) target=$2; shift 2;; --rate) rate=$2; shift 2;; --seconds) seconds=$2; shift 2;;
    --hold-ms) hold=$2; shift 2;; --transport) transport=$2; shift 2;;
    *) echo "unknown argument: $1" >&2; exit 2;;
  esac
done
command -v sipp >/dev/null || { echo "sipp is missing: apt-get install -y sip-tester (scripts/setup.sh)" >&2; exit 1; }
calls=$((rate * seconds))
out="$(mktemp -d /tmp/vika-load-XXXXXX)"
echo "load: $calls calls at $rate/s, held ${hold} ms, transport $transport, target $target; traces in $out" >&2
sip_port=$(python3 -c 'import socket;s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
status=0
# Enough open files for ~rate*hold/1000 concurrent calls (TCP needs one socket each).
ulimit -n 65536 2>/dev/null || true
(cd "$root/tests/sipp" && sipp -sf uac_call.xml -t "$transport" -i 127.0.0.1 -p "$sip_port" -mp $((sip_port + 2)) \
  -s 165 -m "$calls" -r "$rate" -l $((rate * (hold / 1000 + 5))) -d "$hold" -max_socket 65000 \
  -timeout $((seconds + hold / 1000 + 60))s -timeout_error -nostdin \
  -trace_stat -stf "$out/stat.csv" -fd 5 -trace_rtt -rtt_freq 1 -trace_err -error_file "$out/errors.log" \
  "$target" >"$out/sipp.out" 2>&1) || status=$?
rtt="$(ls "$root"/tests/sipp/uac_call_*_rtt.csv 2>/dev/null | tail -1 || true)"
[ -n "$rtt" ] && mv "$rtt" "$out/rtt.csv"
python3 "$root/tests/tools/sipp_figures.py" "$out/stat.csv" "$out/rtt.csv"
echo "sipp exit code: $status (0 = every call succeeded)"
exit $status
