#!/usr/bin/env bash
# A PostgreSQL server of its own for VikaIvr (tests, scripts/cluster.sh, a trial cluster): Debian's
# PostgreSQL server binaries run on a data directory DIR that this script owns — never the
# system cluster.
#
#   scripts/postgres.sh start DIR [--port P]   initdb when DIR is empty (trust on loopback only),
#                                              listen on 127.0.0.1:P (P free when not given; a
#                                              restart keeps the last port), socket in DIR, wait
#                                              until it accepts connections, create database vika,
#                                              print the Npgsql connection string on stdout
#   scripts/postgres.sh stop DIR               fast shutdown of the server on DIR (its PID is
#                                              the first line of DIR/postmaster.pid)
#
# As root the server runs as the `postgres` user (DIR is chowned to it, and its parent folders
# must let that user through). Messages go to stderr; the server's log is DIR/server.log.
set -euo pipefail

usage() { echo "usage: scripts/postgres.sh start DIR [--port P] | stop DIR" >&2; exit 2; }
fail() { echo "scripts/postgres.sh: $*" >&2; exit 1; }

[[ $# -ge 2 ]] || usage
action="$1"; dir="$2"; shift 2
port=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port)
      [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]{0,4}$ && "$2" -le 65535 ]] || usage
      port="$2"; shift 2 ;;
    *) usage ;;
  esac
done

bin=""
for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  if [[ -x "$candidate/postgres" && -x "$candidate/initdb" && -x "$candidate/pg_ctl" ]]; then bin="$candidate"; break; fi
done
[[ -n "$bin" ]] || fail "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (install the Debian package postgresql; scripts/setup.sh does)"

mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"

# Runs a PostgreSQL program as the user that owns the cluster (postgres when we are root).
as_owner() {
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

# A port nobody listens on (TCP, loopback); the start retries with another if it is taken meanwhile.
free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 40000))
    port_in_use "$p" || { echo "$p"; return; }
  done
  echo "$p"
}

port_in_use() { ss -Htln "sport = :$1" 2>/dev/null | grep -q .; }

start() {
  if [[ $EUID -eq 0 ]]; then
    chown postgres:postgres "$dir"
    chmod 700 "$dir"
    runuser -u postgres -- test -x "$dir" \
      || fail "the postgres user cannot reach $dir: let it through the parent folders (chmod o+x) or choose another folder"
  fi

  if [[ ! -f "$dir/PG_VERSION" ]]; then
    [[ -z "$(ls -A "$dir")" ]] || fail "$dir is neither empty nor a PostgreSQL data directory"
    as_owner "$bin/initdb" -D "$dir" -U postgres --auth-local=trust --auth-host=trust -E UTF8 --locale=C.UTF-8 >"/dev/null" 2>"$dir.initdb.log" \
      || { cat "$dir.initdb.log" >&2; fail "initdb failed in $dir"; }
    rm -f "$dir.initdb.log"
    # Loopback only, socket inside DIR (the system cluster's /var/run/postgresql is left alone).
    cat >>"$dir/postgresql.conf" <<EOF

# scripts/postgres.sh
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
max_connections = 200
EOF
  fi

  if [[ -f "$dir/postmaster.pid" ]] && as_owner "$bin/pg_ctl" status -D "$dir" >/dev/null 2>&1; then
    port="$(sed -n 4p "$dir/postmaster.pid")"
    echo "scripts/postgres.sh: already running on $dir (port $port)" >&2
  else
    if [[ -z "$port" && -f "$dir/vika.port" ]] && ! port_in_use "$(cat "$dir/vika.port")"; then
      port="$(cat "$dir/vika.port")"
    fi
    local tries=0
    while :; do
      local chosen="${port:-$(free_port)}"
      if as_owner "$bin/pg_ctl" start -D "$dir" -w -t 60 -l "$dir/server.log" -o "-p $chosen" >/dev/null; then
        port="$chosen"
        break
      fi
      tries=$((tries + 1))
      # A port picked by us may have been taken in between: pick another. A given port is not retried.
      if [[ -n "$port" || $tries -ge 5 ]]; then
        tail -n 20 "$dir/server.log" >&2 || true
        fail "PostgreSQL did not start on $dir (port ${chosen}); see $dir/server.log"
      fi
    done
    echo "$port" >"$dir/vika.port"
  fi

  local waited=0
  until as_owner "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres; do
    waited=$((waited + 1))
    [[ $waited -lt 60 ]] || fail "PostgreSQL on 127.0.0.1:$port does not accept connections (see $dir/server.log)"
    sleep 0.5
  done

  if [[ "$(as_owner "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'vika'")" != "1" ]]; then
    as_owner "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -qc "CREATE DATABASE vika" >/dev/null
  fi

  echo "scripts/postgres.sh: PostgreSQL $(basename "$(dirname "$bin")") on 127.0.0.1:$port, data $dir, PID $(head -n 1 "$dir/postmaster.pid")" >&2
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=vika"
}

stop() {
  [[ -f "$dir/PG_VERSION" ]] || fail "$dir is not a PostgreSQL data directory"
  if [[ ! -f "$dir/postmaster.pid" ]]; then
    echo "scripts/postgres.sh: not running on $dir" >&2
    return 0
  fi
  local pid
  pid="$(head -n 1 "$dir/postmaster.pid")"
  if ! as_owner "$bin/pg_ctl" stop -D "$dir" -m fast -w -t 30 >/dev/null 2>&1; then
    # pg_ctl could not stop it: end the postmaster this directory names, and only that one.
    if [[ "$pid" =~ ^[0-9]+$ ]] && [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == postgres* ]]; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  echo "scripts/postgres.sh: stopped PostgreSQL on $dir (PID $pid)" >&2
}

case "$action" in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
