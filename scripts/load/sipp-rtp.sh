#!/usr/bin/env bash
# Benchmark (not a test): 500 concurrent calls x 30 s with RTP both ways against a running server.
# SIPp sends 30 s of PCMU (tests/sipp/pcap/audio_pcmu_30s.pcap, play_pcap_audio: needs root);
# the server plays its prompts back. tshark captures the server's RTP and SIP on loopback.
#   scripts/load/sipp-rtp.sh --rtp-ports 20000-29999 [--target 127.0.0.1:5060] [--calls 500] [--hold-ms 30000] [--rate 50] [--server-pid PID]
# The capture is 30 s long: a --hold-ms beyond 30 s + Media:RtpTimeoutSeconds needs VIKA_Media__RtpTimeoutSeconds=0.
# Start the server with VIKA_Sip__MaxCallsPerSourcePerSecond=0 (SIPp is one source over the per-source limit).
# Prints: SIPp's call figures, INVITE→200 and INVITE→first server RTP packet (p50/p99),
# p99 of |send interval − 20 ms| over every server stream, and with --server-pid the server's
# CPU seconds and resident memory per call; and the machine's own realtime scheduling latency
# during the run (cyclictest), the floor under any send-interval figure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
target=127.0.0.1:5060 calls=500 hold=30000 rate=50 rtp="" server_pid=""
while [ $# -gt 0 ]; do
  case "$1" in
    --target) target=$2; shift 2;; --calls) calls=$2; shift 2;; --hold-ms) hold=$2; shift 2;;
    --rate) rate=$2; shift 2;; --rtp-ports) rtp=$2; shift 2;; --server-pid) server_pid=$2; shift 2;;
    *) echo "unknown argument: $1" >&2; exit 2;;
  esac
done
if [ -n "$server_pid" ] && [ ! -r "/proc/$server_pid/stat" ]; then echo "no process $server_pid" >&2; exit 2; fi
[ -n "$rtp" ] || { echo "--rtp-ports LO-HI (the server's RTP range) is required to capture its packets" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "play_pcap_audio and the capture need root" >&2; exit 1; }
for tool in sipp tshark; do command -v $tool >/dev/null || { echo "$tool is missing (scripts/setup.sh installs it)" >&2; exit 1; }; done
out="$(mktemp -d /tmp/vika-rtpload-XXXXXX)"
sip_port_server="${target##*:}"
echo "load: $calls calls at $rate/s held ${hold} ms with RTP, target $target; traces in $out" >&2
# The capture keeps only what the figures need: SIP to/from the server and RTP from its range.
tshark -i lo -n -q -w "$out/capture.pcap" -f "udp port $sip_port_server or (udp src portrange $rtp)" >/dev/null 2>&1 &
tshark_pid=$!
sleep 2
cpu_before=""; [ -n "$server_pid" ] && cpu_before=$(awk '{print $14 + $15}' "/proc/$server_pid/stat")
# SIPp's own ports (SIP, and RTP/RTCP at +2/+3) stay outside the server's RTP range: its packets
# must never be counted as the server's (the capture keeps packets by source port).
sip_port=$(python3 - "${rtp%-*}" "${rtp#*-}" <<'PY'
import socket, sys
low, high = int(sys.argv[1]), int(sys.argv[2])
for _ in range(1000):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close()
    if all(not low <= q <= high for q in (p, p + 2, p + 3)) and p + 3 < 65536:
        print(p); break
else:
    sys.exit("no free port outside the RTP range")
PY
)
status=0
cpu_stat_before=$(grep '^cpu ' /proc/stat)
# The machine's own scheduling latency beside the server: cyclictest wakes a realtime thread
# (priority 90, above the pacers' 10) on each CPU every millisecond and records how late it ran.
# No program on this machine can send on time more reliably than that.
probe=""
if command -v cyclictest >/dev/null; then
  cyclictest -m -p 90 -t -a -i 1000 -q -h 50000 >"$out/cyclictest.txt" 2>&1 &
  probe=$!
fi
ulimit -n 65536 2>/dev/null || true
(cd "$root/tests/sipp" && sipp -sf uac_rtp_load.xml -t u1 -i 127.0.0.1 -p "$sip_port" -mp $((sip_port + 2)) \
  -s 165 -m "$calls" -r "$rate" -l "$calls" -d "$hold" -timeout $((hold / 1000 + calls / rate + 60))s -timeout_error -nostdin \
  -trace_stat -stf "$out/stat.csv" -fd 5 -trace_rtt -rtt_freq 1 -trace_err -error_file "$out/errors.log" \
  "$target" >"$out/sipp.out" 2>&1) || status=$?
cpu_stat_after=$(grep '^cpu ' /proc/stat)
[ -z "$probe" ] || { kill -INT "$probe" 2>/dev/null || true; wait "$probe" 2>/dev/null || true; }
rss_kb=""; cpu_after=""
if [ -n "$server_pid" ] && [ -r "/proc/$server_pid/stat" ]; then
  rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
  cpu_after=$(awk '{print $14 + $15}' "/proc/$server_pid/stat")
fi
sleep 1; kill "$tshark_pid"; wait "$tshark_pid" 2>/dev/null || true
rtt="$(ls "$root"/tests/sipp/uac_rtp_load_*_rtt.csv 2>/dev/null | tail -1 || true)"
[ -n "$rtt" ] && mv "$rtt" "$out/rtt.csv"
python3 "$root/tests/tools/sipp_figures.py" "$out/stat.csv" "$out/rtt.csv"
python3 "$root/tests/tools/rtp_figures.py" "$out/capture.pcap" "$sip_port_server" "$rtp"
if [ -n "$probe" ]; then python3 "$root/tests/tools/latency_figures.py" "$out/cyclictest.txt" || true   # a probe that could not run costs no other figure
else echo "machine scheduling latency: not measured (cyclictest is missing: scripts/setup.sh installs rt-tests)"; fi
# On a virtual machine the host may take the CPUs away (steal): even realtime threads wait then.
python3 - "$cpu_stat_before" "$cpu_stat_after" <<'PY'
import sys
a, b = ([int(x) for x in line.split()[1:]] for line in sys.argv[1:3])
d = [y - x for x, y in zip(a, b)]
total = sum(d[:8]) or 1
print(f"machine CPU during the run: user {100 * (d[0] + d[1]) / total:.0f} %, system {100 * (d[2] + d[5] + d[6]) / total:.0f} %, "
      f"idle {100 * (d[3] + d[4]) / total:.0f} %, stolen by the hypervisor {100 * d[7] / total:.1f} %")
PY
if [ -n "$server_pid" ] && [ -z "$cpu_after" ]; then
  echo "server process $server_pid ended during the run: no CPU/memory figures"
elif [ -n "$server_pid" ]; then
  ticks=$(getconf CLK_TCK)
  python3 - "$cpu_before" "$cpu_after" "$ticks" "$rss_kb" "$calls" "$hold" <<'PY'
import sys
before, after, ticks, rss, calls, hold = map(float, sys.argv[1:])
cpu = (after - before) / ticks
print(f"server CPU: {cpu:.1f} s over the run = {cpu / calls * 1000:.1f} ms per call "
      f"({cpu / calls / (hold / 1000) * 100:.3f} % of a core per concurrent call)")
print(f"server peak resident memory: {rss / 1024:.0f} MiB = {rss / calls:.0f} KiB per call")
PY
fi
echo "sipp exit code: $status (0 = every call succeeded)"
exit $status
