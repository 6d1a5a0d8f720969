#!/usr/bin/env bash
# Runs Debian's `prometheus` against a running `vika serve`, in a folder of its own: its config
# (from config/prometheus/prometheus.yml, the target and interval filled in), its data and its log
# in DIR, its process id in DIR/prometheus.pid. Loopback only; nothing of the system's Prometheus
# (its service, its /etc config, its /var/lib data) is used or touched.
#
#   scripts/prometheus.sh start DIR --target HOST:PORT [--port P] [--interval 1s]
#       scrapes HOST:PORT/metrics (the admin endpoint, Admin:Bind) every interval (default 5s);
#       listens on 127.0.0.1:P (default: a free port); prints its address once it is ready
#   scripts/prometheus.sh stop DIR
#       stops the Prometheus started in DIR (by its process id), waits for it to exit
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

usage() { sed -n '6,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[[ $# -ge 2 ]] || usage
command=$1 dir=$2; shift 2

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  local target="" port="" interval="5s"
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --target) target=$2; shift 2 ;;
      --port) port=$2; shift 2 ;;
      --interval) interval=$2; shift 2 ;;
      *) echo "prometheus.sh: unknown option '$1'" >&2; usage ;;
    esac
  done
  [[ -n "$target" ]] || { echo "prometheus.sh: --target HOST:PORT (the admin endpoint) is required" >&2; exit 2; }
  command -v prometheus >/dev/null || { echo "prometheus.sh: the 'prometheus' program is missing (Debian package prometheus; scripts/setup.sh installs it)" >&2; exit 1; }
  mkdir -p "$dir/data"
  dir=$(cd "$dir" && pwd)
  if [[ -f "$dir/prometheus.pid" ]] && kill -0 "$(cat "$dir/prometheus.pid")" 2>/dev/null; then
    echo "prometheus.sh: a Prometheus started in $dir runs already (pid $(cat "$dir/prometheus.pid"))" >&2; exit 1
  fi
  [[ -n "$port" ]] || port=$(free_port)
  sed -e "/^[[:space:]]*#/!s/__TARGET__/$target/" -e "/^[[:space:]]*#/!s/__INTERVAL__/$interval/g" "$root/config/prometheus/prometheus.yml" > "$dir/prometheus.yml"
  # setsid: its own session, so a terminal's Ctrl+C or the caller's exit does not reach it; stopped by pid.
  setsid prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" \
    --web.listen-address="127.0.0.1:$port" --web.enable-lifecycle \
    >"$dir/prometheus.log" 2>&1 < /dev/null &
  local pid=$!
  echo "$pid" > "$dir/prometheus.pid"
  for _ in $(seq 1 150); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "prometheus.sh: prometheus exited at start; its log ($dir/prometheus.log):" >&2
      tail -n 20 "$dir/prometheus.log" >&2
      rm -f "$dir/prometheus.pid"
      exit 1
    fi
    if curl -fs "http://127.0.0.1:$port/-/ready" >/dev/null 2>&1; then
      echo "http://127.0.0.1:$port"
      return 0
    fi
    sleep 0.2
  done
  echo "prometheus.sh: prometheus (pid $pid) not ready on 127.0.0.1:$port within 30 s; its log: $dir/prometheus.log" >&2
  kill "$pid" 2>/dev/null || true
  exit 1
}

stop() {
  [[ -f "$dir/prometheus.pid" ]] || { echo "prometheus.sh: no prometheus.pid in $dir: nothing started there" >&2; exit 1; }
  local pid
  pid=$(cat "$dir/prometheus.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "prometheus.sh: pid $pid did not stop within 10 s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$dir/prometheus.pid"
}

case "$command" in
  start) start "$@" ;;
  stop) stop ;;
  *) usage ;;
esac
