#!/usr/bin/env bash
# A VikaIvr cluster on this one machine: Kamailio in front (config/kamailio/kamailio.cfg), N
# `vika serve` nodes behind it and, with --provider postgres, one PostgreSQL they all share.
#
#   scripts/cluster.sh start [--nodes N] [--dir DIR] [--base-port P] [--provider sqlite|postgres]
#                            [--rtp-base R] [--rtp-span S] [--set Key=Value]... [--timeout SECONDS]
#   scripts/cluster.sh stop [--dir DIR] [--timeout SECONDS]
#   scripts/cluster.sh status [--dir DIR]
#
#   --nodes N          vika serve nodes (default 3), node1..nodeN (Server:NodeId)
#   --dir DIR          where everything lives: logs, PID files, data, prompts (default .build/cluster)
#   --base-port P      Kamailio listens on P (UDP and TCP), node K on P+K, node K's admin endpoint
#                      on P+100+K, PostgreSQL on P+100; without it every port is a free one
#   --provider         postgres (scripts/postgres.sh start DIR/postgres: one database for every
#                      node; the default where scripts/postgres.sh exists) or sqlite (one database
#                      per node, DIR/nodeK/data)
#   --rtp-base R       node K takes RTP ports R+(K-1)*S .. R+K*S-1 (default: a free block)
#   --rtp-span S       RTP ports per node (default 400)
#   --set Key=Value    a setting for every node (VIKA_Key__Sub=Value), e.g. --set Server:DrainSeconds=20
#   --timeout SECONDS  how long start waits for every node to be active in Kamailio (default 120),
#                      how long stop waits for a process to exit before it kills it (default 60)
#
# The server is the built vika.dll named by VIKA_DLL (as the tests run it) or, without it, the
# repository's ./vika (which builds the server on first use). Every process started is written to
# DIR/*.pid and `stop` ends exactly those (SIGTERM, then SIGKILL after the timeout); a node's exit
# status is written to DIR/nodeK.exit when it ends.
# `start` prints the address to call: sip:165@127.0.0.1:<Kamailio port>; DIR/cluster.env holds
# every port and path for scripts.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

usage() { sed -n '2,28p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
die() { echo "cluster.sh: $*" >&2; exit 1; }

command="${1:-}"
[[ -n "$command" ]] || { usage >&2; exit 2; }
shift

nodes=3
dir="$root/.build/cluster"
base_port=""
provider=""
rtp_base=""
rtp_span=400
timeout=""
settings=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --nodes) [[ "${2:-}" =~ ^[1-9][0-9]?$ ]] || die "--nodes needs a number 1-99"; nodes="$2"; shift 2 ;;
    --dir) [[ -n "${2:-}" ]] || die "--dir needs a folder"; dir="$2"; shift 2 ;;
    --base-port) [[ "${2:-}" =~ ^[0-9]+$ && "$2" -ge 1024 && "$2" -le 65000 ]] || die "--base-port needs a port 1024-65000"; base_port="$2"; shift 2 ;;
    --provider) [[ "${2:-}" == sqlite || "${2:-}" == postgres ]] || die "--provider needs sqlite or postgres"; provider="$2"; shift 2 ;;
    --rtp-base) [[ "${2:-}" =~ ^[0-9]+$ && "$2" -ge 1024 ]] || die "--rtp-base needs a port"; rtp_base="$2"; shift 2 ;;
    --rtp-span) [[ "${2:-}" =~ ^[0-9]+$ && "$2" -ge 8 ]] || die "--rtp-span needs a number >= 8"; rtp_span="$2"; shift 2 ;;
    --set) [[ "${2:-}" =~ ^[A-Za-z][A-Za-z0-9:]*=.*$ ]] || die "--set needs Key=Value (e.g. Server:DrainSeconds=20)"; settings+=("$2"); shift 2 ;;
    --timeout) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || die "--timeout needs seconds"; timeout="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument '$1' (scripts/cluster.sh --help)" ;;
  esac
done
if [[ -z "$provider" ]]; then
  if [[ -x "$root/scripts/postgres.sh" ]]; then provider=postgres; else provider=sqlite; fi
fi
if [[ "$command" == start ]]; then
  mkdir -p "$dir"
elif [[ ! -d "$dir" ]]; then
  echo "no cluster in $dir"
  [[ "$command" == stop ]] && exit 0 || exit 1
fi
dir="$(cd "$dir" && pwd)"
kam_dir="$dir/kamailio"
ctl="unix:$kam_dir/kamailio_ctl"

# ---------------------------------------------------------------- processes by PID file

# The PID in FILE when that process still runs and is what we started (its command line holds
# WORD): a PID file left from a reboot never makes us signal a stranger.
live_pid() {
  local file="$1" word="$2" pid
  [[ -f "$file" ]] || return 1
  pid="$(tr -dc '0-9' < "$file")"
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- "$word" || return 1
  echo "$pid"
}

# True while PID runs (a child that exited but is not reaped yet is a zombie: not running).
alive() { kill -0 "$1" 2>/dev/null && [[ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]]; }

# SIGTERM to the process in FILE, wait for it (bounded), SIGKILL if it is still there.
stop_pid_file() {
  local file="$1" word="$2" name="$3" wait_s="$4" pid waited=0
  if pid="$(live_pid "$file" "$word")"; then
    kill -TERM "$pid" 2>/dev/null || true
    while alive "$pid"; do
      if (( waited >= wait_s * 10 )); then
        echo "$name (pid $pid) still running after ${wait_s} s: SIGKILL" >&2
        kill -KILL "$pid" 2>/dev/null || true
        break
      fi
      sleep 0.1; waited=$((waited + 1))
    done
    echo "stopped $name (pid $pid)"
  fi
  rm -f "$file"
}

stop_all() {
  local wait_s="${timeout:-60}" file name
  # Kamailio first: no new call reaches a node that is about to stop.
  stop_pid_file "$kam_dir/kamailio.pid" kamailio kamailio "$wait_s"
  for file in "$dir"/node*.pid; do
    [[ -e "$file" ]] || continue
    name="$(basename "$file" .pid)"
    stop_pid_file "$file" "serve" "$name" "$wait_s" &
  done
  wait
  if [[ -f "$dir/postgres/postmaster.pid" ]]; then
    [[ -x "$root/scripts/postgres.sh" ]] || die "$dir/postgres runs but scripts/postgres.sh is missing"
    "$root/scripts/postgres.sh" stop "$dir/postgres" >/dev/null && echo "stopped postgres ($dir/postgres)"
  fi
  rm -f "$dir/cluster.env"
}

status() {
  [[ -f "$dir/cluster.env" ]] || { echo "no cluster in $dir"; return 1; }
  local file name pid
  for file in "$dir"/node*.pid "$kam_dir/kamailio.pid"; do
    [[ -e "$file" ]] || continue
    name="$(basename "$file" .pid)"
    if pid="$(live_pid "$file" "")"; then echo "$name: running (pid $pid)"
    elif [[ -f "$dir/$name.exit" ]]; then echo "$name: exited with $(cat "$dir/$name.exit")"
    else echo "$name: not running"; fi
  done
  if pid="$(head -n 1 "$dir/postgres/postmaster.pid" 2>/dev/null)" && [[ -n "$pid" ]] && alive "$pid"; then
    echo "postgres: running (pid $pid, $dir/postgres)"
  fi
  kamcmd -s "$ctl" dispatcher.list 2>/dev/null | awk '/URI:/ {uri=$2} /FLAGS:/ {print "  kamailio sees " uri " " $2 " (" ($2 ~ /^A/ ? "active" : "out of rotation") ")"}'
}

# ---------------------------------------------------------------- ports

used_ports() { ss -Htuan 2>/dev/null | awk '{print $5}' | sed 's/.*://' | sort -un; }

# A port free for UDP and TCP, not already taken by this start, in $port (not printed: the
# ports taken must outlive the call).
taken=" "
port=""
free_port() {
  local used candidate tries=0
  used=" $(used_ports | tr '\n' ' ') "
  while (( tries < 500 )); do
    candidate=$((10000 + RANDOM % 9000))
    if [[ "$used" != *" $candidate "* && "$taken" != *" $candidate "* ]]; then
      taken+="$candidate "; port="$candidate"; return 0
    fi
    tries=$((tries + 1))
  done
  die "no free port found"
}

port_is_free() { ! used_ports | grep -qx "$1"; }

# The first of COUNT consecutive free UDP ports, even, below the kernel's ephemeral range.
free_block() {
  local count="$1" used low port ok tries=0
  used=" $(used_ports | tr '\n' ' ') "
  while (( tries < 200 )); do
    low=$(( (20000 + RANDOM % (32000 - 20000 - count)) & ~1 ))
    ok=1
    for ((port = low; port < low + count; port++)); do
      if [[ "$used" == *" $port "* ]]; then ok=0; break; fi
    done
    if (( ok )); then echo "$low"; return 0; fi
    tries=$((tries + 1))
  done
  die "no free block of $count UDP ports"
}

# ---------------------------------------------------------------- start

start() {
  local wait_s="${timeout:-120}" k
  for k in "$dir"/node*.pid "$kam_dir/kamailio.pid"; do
    [[ -e "$k" ]] && live_pid "$k" "" >/dev/null && die "a cluster already runs in $dir (scripts/cluster.sh stop --dir $dir)"
  done
  command -v kamailio >/dev/null || die "kamailio is not installed (scripts/setup.sh installs it)"
  command -v kamcmd >/dev/null || die "kamcmd is not installed (Debian package kamailio)"
  mkdir -p "$kam_dir"

  # What runs the server.
  local -a vika
  if [[ -n "${VIKA_DLL:-}" ]]; then
    [[ -f "$VIKA_DLL" ]] || die "VIKA_DLL=$VIKA_DLL does not exist"
    vika=(dotnet "$VIKA_DLL")
  else
    # Build (or check) once here, not in N nodes at the same time.
    "$root/vika" --version >/dev/null || die "./vika cannot run"
    vika=("$root/vika")
  fi

  # Ports.
  local kam_port pg_port
  local -a sip_ports admin_ports rtp_lows
  if [[ -n "$base_port" ]]; then
    kam_port="$base_port"; pg_port=$((base_port + 100))
    for ((k = 1; k <= nodes; k++)); do sip_ports[k]=$((base_port + k)); admin_ports[k]=$((base_port + 100 + k)); done
    for p in "$kam_port" "$pg_port" "${sip_ports[@]}" "${admin_ports[@]}"; do port_is_free "$p" || die "port $p is in use (choose another --base-port)"; done
  else
    free_port; kam_port="$port"
    free_port; pg_port="$port"
    for ((k = 1; k <= nodes; k++)); do
      free_port; sip_ports[k]="$port"
      free_port; admin_ports[k]="$port"
    done
  fi
  [[ -n "$rtp_base" ]] || rtp_base="$(free_block $((nodes * rtp_span)))"
  for ((k = 1; k <= nodes; k++)); do rtp_lows[k]=$((rtp_base + (k - 1) * rtp_span)); done

  # From here on a failure (or Ctrl+C) stops whatever was started.
  trap 'rc=$?; if (( rc != 0 )); then echo "cluster.sh: start failed; stopping what was started" >&2; stop_all >&2; fi' EXIT
  trap 'exit 130' INT TERM

  # The database.
  local connection=""
  if [[ "$provider" == postgres ]]; then
    [[ -x "$root/scripts/postgres.sh" ]] || die "--provider postgres needs scripts/postgres.sh"
    # Run as root, PostgreSQL runs as the postgres user, which must get through DIR to DIR/postgres.
    if [[ $EUID -eq 0 ]]; then chmod o+x "$dir"; fi
    connection="$("$root/scripts/postgres.sh" start "$dir/postgres" --port "$pg_port" | tail -n 1)"
    [[ -n "$connection" ]] || die "scripts/postgres.sh printed no connection string"
    echo "postgres: $dir/postgres on 127.0.0.1:$pg_port"
  fi

  # The nodes.
  local node node_dir
  local -a env_settings=()
  for k in "${settings[@]}"; do
    local key="${k%%=*}" value="${k#*=}"
    env_settings+=("VIKA_${key//:/__}=$value")
  done
  for ((k = 1; k <= nodes; k++)); do
    node="node$k"; node_dir="$dir/$node"
    mkdir -p "$node_dir/data"
    # Each node its own prompt folder, as on its own machine: a recording reaches the others
    # only through the shared database.
    if [[ ! -d "$node_dir/prompts" ]]; then cp -r "$root/prompts" "$node_dir/prompts"; fi
    rm -f "$dir/$node.exit"
    # A small keeper shell waits for the server and writes its exit status to DIR/nodeK.exit
    # (0 after a clean stop, 137 after kill -9); the server's own PID goes to DIR/nodeK.pid.
    (
      cd "$root"
      export VIKA_HOME="$root"
      export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x4000000}"
      export DOTNET_CLI_TELEMETRY_OPTOUT=1
      export VIKA_Server__NodeId="$node"
      export VIKA_Admin__Bind="127.0.0.1:${admin_ports[k]}"
      export VIKA_Data__Provider="$provider"
      # Every request reaches a node from Kamailio's one address: the per-source limit belongs to
      # Kamailio's pike at the edge, not to the node (it would ban the front itself).
      export VIKA_Sip__MaxCallsPerSourcePerSecond=0
      [[ -z "$connection" ]] || export VIKA_Data__ConnectionString="$connection"
      for s in "${env_settings[@]}"; do export "${s?}"; done
      setsid "${vika[@]}" serve --bind 127.0.0.1 --sip-port "${sip_ports[k]}" \
        --rtp-ports "${rtp_lows[k]}-$((rtp_lows[k] + rtp_span - 1))" \
        --data "$node_dir/data" --prompts "$node_dir/prompts" </dev/null >"$dir/$node.log" 2>&1 &
      server=$!
      echo "$server" > "$dir/$node.pid.new" && mv "$dir/$node.pid.new" "$dir/$node.pid"
      rc=0
      wait "$server" || rc=$?
      echo "$rc" > "$dir/$node.exit"
    ) </dev/null >/dev/null 2>&1 &
  done
  for ((k = 1; k <= nodes; k++)); do
    for ((waited = 0; waited < 100; waited++)); do [[ -s "$dir/node$k.pid" ]] && break; sleep 0.05; done
    [[ -s "$dir/node$k.pid" ]] || die "node$k did not start"
  done

  # Kamailio, with the nodes as dispatcher set 1, each out of rotation (flags 9: inactive,
  # probing) until it answers Kamailio's OPTIONS with 200.
  : > "$kam_dir/dispatcher.list"
  for ((k = 1; k <= nodes; k++)); do
    echo "1 sip:127.0.0.1:${sip_ports[k]} 9 0 name=node$k" >> "$kam_dir/dispatcher.list"
  done
  kamailio -f "$root/config/kamailio/kamailio.cfg" -DD -E -Y "$kam_dir" -m 64 -M 8 \
    -A "LISTEN=udp:127.0.0.1:$kam_port" -A "LISTEN_TCP=tcp:127.0.0.1:$kam_port" \
    -A "DS_LIST_FILE=\"$kam_dir/dispatcher.list\"" -A "CTL_SOCKET=\"$ctl\"" \
    </dev/null >"$dir/kamailio.log" 2>&1 &
  local kam_pid=$!
  echo "$kam_pid" > "$kam_dir/kamailio.pid"

  {
    echo "DIR=$dir"
    echo "PROVIDER=$provider"
    echo "NODES=$nodes"
    echo "KAMAILIO_PORT=$kam_port"
    echo "KAMAILIO_CTL=$ctl"
    [[ -z "$connection" ]] || echo "CONNECTION_STRING=$connection"
    for ((k = 1; k <= nodes; k++)); do
      echo "NODE${k}_SIP_PORT=${sip_ports[k]}"
      echo "NODE${k}_ADMIN=127.0.0.1:${admin_ports[k]}"
      echo "NODE${k}_RTP=${rtp_lows[k]}-$((rtp_lows[k] + rtp_span - 1))"
      echo "NODE${k}_DATA=$dir/node$k/data"
      echo "NODE${k}_PROMPTS=$dir/node$k/prompts"
      echo "NODE${k}_LOG=$dir/node$k.log"
      echo "NODE${k}_PID_FILE=$dir/node$k.pid"
    done
  } > "$dir/cluster.env"

  # Ready when Kamailio's own OPTIONS probes find every node answering 200.
  local deadline=$((SECONDS + wait_s)) active=0
  while (( SECONDS < deadline )); do
    for ((k = 1; k <= nodes; k++)); do
      alive "$(cat "$dir/node$k.pid")" || { tail -n 30 "$dir/node$k.log" >&2; die "node$k exited during start (log: $dir/node$k.log)"; }
    done
    alive "$kam_pid" || { tail -n 30 "$dir/kamailio.log" >&2; die "kamailio exited during start (log: $dir/kamailio.log)"; }
    active="$(kamcmd -s "$ctl" dispatcher.list 2>/dev/null | grep -c 'FLAGS: A' || true)"
    (( active == nodes )) && break
    sleep 0.5
  done
  if (( active != nodes )); then
    kamcmd -s "$ctl" dispatcher.list >&2 2>/dev/null || true
    die "only $active of $nodes nodes active in Kamailio after ${wait_s} s (logs in $dir)"
  fi
  trap - EXIT INT TERM

  for ((k = 1; k <= nodes; k++)); do
    echo "node$k: sip 127.0.0.1:${sip_ports[k]}, rtp ${rtp_lows[k]}-$((rtp_lows[k] + rtp_span - 1)), admin 127.0.0.1:${admin_ports[k]}, pid $(cat "$dir/node$k.pid"), log $dir/node$k.log"
  done
  echo "kamailio: 127.0.0.1:$kam_port, pid $kam_pid, log $dir/kamailio.log"
  echo "call: sip:165@127.0.0.1:$kam_port"
}

case "$command" in
  start) start ;;
  stop) stop_all ;;
  status) status ;;
  -h|--help) usage ;;
  *) die "unknown command '$command' (start, stop or status)" ;;
esac
