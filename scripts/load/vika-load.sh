#!/usr/bin/env bash
# Benchmark (not a test): `vika serve` under `vika load` on loopback, the server's CPU and memory from
# /proc, the machine's own latency beside it, one line of figures.
#   scripts/load/vika-load.sh [--calls 500] [--rate 50] [--duration 30] [--script FILE.vks]
#                             [--sip-port 5160] [--admin-port SIP_PORT+1] [--rtp-ports 40000-44999]
#                             [--tester-rtp-ports 30000-39998] [--shared [PORT]] [--floor]
# Starts `./vika serve` (built on first use) in a temporary data folder on 127.0.0.1 with the overload
# limits and the RTP timeout off, waits until its log says it listens and /readyz answers 200, then runs
# `./vika load sip:165@127.0.0.1:PORT --calls N --rate R --duration S --bind 127.0.0.1 --rtp-ports T --report JSON`
# (the two ranges must not overlap; each needs a pair of ports per call) with cyclictest beside it
# (scripts/load/vika-load-run.py measures). --floor first runs scripts/load/floor/rtp-floor.c for the
# same calls (≤ 20 s): the kernel's own cost of moving those packets, and the server's multiple of it.
# --shared [PORT]: the server on Media:SharedRtpPort PORT (default 45000) and the tester on PORT + 2,
# every call's RTP through one socket a side (and the floor of that layout too).
# Prints one line:
#   calls N failed F | INVITE→200 p99 | →RTP p99 | rx |Δ−20ms| p99/max, lost | server %core/call steady
#   (whole run) KB/call | tester %core/call | load, steal, busy | machine latency | floor (×)
# and the JSON report's path. Exit status 1 when a call or an expectation failed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
calls=500 rate=50 duration=30 script="" sip_port=5160 admin_port="" rtp=40000-44999 tester_rtp=30000-39998 floor=0 shared=""
while [ $# -gt 0 ]; do
  case "$1" in
    --calls) calls=$2; shift 2;; --rate) rate=$2; shift 2;; --duration) duration=$2; shift 2;;
    --script) script=$2; shift 2;; --sip-port) sip_port=$2; shift 2;; --admin-port) admin_port=$2; shift 2;; --rtp-ports) rtp=$2; shift 2;; --tester-rtp-ports) tester_rtp=$2; shift 2;;
    --floor) floor=1; shift;;
    --shared) if [ $# -gt 1 ] && [[ $2 =~ ^[0-9]+$ ]]; then shared=$2; shift 2; else shared=45000; shift; fi;;
    -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0;;
    *) echo "unknown argument: $1" >&2; exit 2;;
  esac
done
admin_port=${admin_port:-$((sip_port + 1))}
case "$rtp" in *-*) ;; *) echo "--rtp-ports needs LO-HI, not '$rtp'" >&2; exit 2;; esac
rtp_low=${rtp%-*} rtp_high=${rtp#*-}
case "$tester_rtp" in *-*) ;; *) echo "--tester-rtp-ports needs LO-HI, not '$tester_rtp'" >&2; exit 2;; esac
if [ "$rtp_high" -ge "${tester_rtp%-*}" ] && [ "$rtp_low" -le "${tester_rtp#*-}" ]; then
  echo "--rtp-ports $rtp overlaps the load tester's RTP ports ($tester_rtp, --tester-rtp-ports)" >&2; exit 2
fi
[ -z "$script" ] || [ -f "$script" ] || { echo "no script $script" >&2; exit 2; }
for tool in python3 curl; do command -v $tool >/dev/null || { echo "$tool is missing" >&2; exit 1; }; done
out="$(mktemp -d /tmp/vika-bench-XXXXXX)"
echo "vika-load: $calls calls at $rate/s held $duration s${script:+, script $script}; server on 127.0.0.1:$sip_port RTP $rtp; files in $out" >&2
ulimit -n 65536 2>/dev/null || true

# Build both programs before anything is measured.
"$root/vika" --help >/dev/null
floor_figure=""
if [ "$floor" = 1 ]; then
  command -v cc >/dev/null || { echo "cc is missing (scripts/setup.sh installs gcc)" >&2; exit 1; }
  mkdir -p "$root/.build"
  cc -O2 -Wall -Wextra -pthread -o "$root/.build/rtp-floor" "$root/scripts/load/floor/rtp-floor.c"
  # The floor runs alone, before the server starts, on free ports of the server's RTP range, with the
  # server's 10 pacer slots: a socket per call (send/recv a packet) and, with --shared, one socket a
  # side (sendmmsg/recvmmsg); the run is compared with the floor of its own socket layout.
  floor_seconds=$(( ${duration%.*} < 20 ? ${duration%.*} : 20 ))
  for layout in per-call ${shared:+shared}; do
    echo "vika-load: the kernel's floor ($layout sockets), $calls calls x $floor_seconds s" >&2
    flags=(--slots 10)
    [ "$layout" = per-call ] || flags+=(--shared)
    if "$root/.build/rtp-floor" "${flags[@]}" "$calls" "$floor_seconds" "$rtp_low" "$rtp_high" >"$out/floor-$layout.txt" 2>&1; then
      floor_figure=$(awk '/^floor / {print $2}' "$out/floor-$layout.txt")
    else
      echo "vika-load: the floor program failed; going on without it" >&2
      floor_figure=""
    fi
    cat "$out/floor-$layout.txt" >&2
  done
fi

server_pid=""
stop_server() {
  [ -n "$server_pid" ] || return 0
  # SIGTERM drains (no calls are left at the end, so it ends at once); a second one cuts the drain.
  local signal
  for signal in TERM TERM KILL; do
    kill -s "$signal" "$server_pid" 2>/dev/null || break
    for _ in $(seq 100); do kill -0 "$server_pid" 2>/dev/null || break 2; sleep 0.1; done
  done
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
trap stop_server EXIT
trap 'exit 130' INT TERM

VIKA_Sip__MaxCallsPerSourcePerSecond=0 VIKA_Sip__MaxCallsPerSecond=0 VIKA_Media__RtpTimeoutSeconds=0 VIKA_Media__SharedRtpPort="${shared:-0}" \
VIKA_Admin__Bind="127.0.0.1:$admin_port" \
  "$root/vika" serve --data "$out/data" --bind 127.0.0.1 --sip-port "$sip_port" --rtp-ports "$rtp" >"$out/server.log" 2>&1 &
server_pid=$!

# Ready: the log names the admin endpoint and says the SIP stack listens, then /readyz answers 200.
admin="" ready=0
for _ in $(seq 1200); do
  kill -0 "$server_pid" 2>/dev/null || { echo "the server ended at start-up; its log:" >&2; tail -20 "$out/server.log" >&2; exit 1; }
  [ -n "$admin" ] || admin=$(grep -o 'admin endpoint on http://[0-9.:]*' "$out/server.log" | head -1 | sed 's/admin endpoint on //' || true)
  if [ -n "$admin" ] && grep -q 'VikaIvr listening on' "$out/server.log" &&
     [ "$(curl -s -o /dev/null -w '%{http_code}' "$admin/readyz" || true)" = 200 ]; then ready=1; break; fi
  sleep 0.1
done
[ "$ready" = 1 ] || { echo "the server was not ready within 120 s; its log:" >&2; tail -20 "$out/server.log" >&2; exit 1; }
echo "vika-load: server $server_pid ready ($admin)" >&2

tester=("$root/vika" load "sip:165@127.0.0.1:$sip_port" --calls "$calls" --rate "$rate" --duration "$duration"
        --bind 127.0.0.1 --rtp-ports "$tester_rtp" --report "$out/report.json")
[ -z "$script" ] || tester+=(--script "$script")
[ -z "$shared" ] || tester+=(--shared-rtp-port $((shared + 2)))
status=0
python3 "$root/scripts/load/vika-load-run.py" --server-pid "$server_pid" --server-log "$out/server.log" --calls "$calls" --duration "$duration" \
  --out "$out" ${floor_figure:+--floor "$floor_figure"} -- "${tester[@]}" || status=$?
stop_server
exit $status
