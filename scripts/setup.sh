#!/usr/bin/env bash
# Installs what VikaIvr needs on a fresh Debian machine (idempotent): the speech engine,
# the real SIP clients the tests call the server with, audio tools, and the service's real parts
# (PostgreSQL, Kamailio, Prometheus: started only by the project's own scripts, never as system
# services); then restores NuGet packages.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
need=()
command -v espeak-ng >/dev/null || need+=(espeak-ng)
command -v sipp >/dev/null || need+=(sip-tester)
command -v baresip >/dev/null || need+=(baresip)
command -v sox >/dev/null || need+=(sox)
command -v tshark >/dev/null || need+=(tshark)
command -v cyclictest >/dev/null || need+=(rt-tests)   # the load benchmark's machine-latency probe
command -v cc >/dev/null || need+=(gcc)             # the load benchmark's kernel floor (scripts/load/floor/rtp-floor.c)
command -v curl >/dev/null || need+=(curl)           # the load benchmark waits for the server's /readyz
# The service's real parts: the cluster's database and SIP front, the metrics scraper.
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v kamailio >/dev/null || need+=(kamailio)
command -v prometheus >/dev/null || need+=(prometheus)
# The web console's browser tests: Playwright drives Debian's chromium by its executable path.
command -v chromium >/dev/null || need+=(chromium)
# The SIP edge's fail2ban filter is checked with the real fail2ban-regex (config/fail2ban/).
command -v fail2ban-regex >/dev/null || need+=(fail2ban)
# The hardening tests: coverage-guided fuzzing (afl-fuzz) and a real SIP scanner (svmap, svwar).
command -v afl-fuzz >/dev/null || need+=(afl++)
command -v sipvicious_svmap >/dev/null || command -v svmap >/dev/null || need+=(sipvicious)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  # tshark asks whether non-root users may capture; answer no without a prompt.
  echo "wireshark-common wireshark-common/install-setuid boolean false" | $sudo_cmd debconf-set-selections || true
  $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK (dotnet) is required on PATH" >&2; exit 1; }
dotnet restore "$root/VikaIvr.sln" -v quiet >/dev/null
# The fuzzing instrumenter (sharpfuzz, .config/dotnet-tools.json) for scripts/fuzz.sh.
(cd "$root" && dotnet tool restore -v quiet >/dev/null)
# `./vika` publishes the server precompiled (ReadyToRun): its compiler and runtime pack come by restore.
case "$(uname -m)" in x86_64) rid=linux-x64;; aarch64) rid=linux-arm64;; *) rid="";; esac
[ -z "$rid" ] || dotnet restore "$root/src/VikaIvr.Server/VikaIvr.Server.csproj" -r "$rid" -p:PublishReadyToRun=true -v quiet >/dev/null \
  || echo "setup: the ReadyToRun compiler for $rid could not be restored; ./vika will build without precompiling" >&2
