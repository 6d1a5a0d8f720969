#!/usr/bin/env python3
"""The measuring half of scripts/load/vika-load.sh (which starts and stops the server).

Usage: vika-load-run.py --server-pid PID --server-log FILE --calls N --duration S --out DIR [--floor PCT] -- TESTER COMMAND...

Runs the load tester (TESTER COMMAND, `vika load ... --report DIR/report.json`) and, beside it, the
machine-latency probe (cyclictest, as scripts/load/sipp-rtp.sh runs it). Reads the server's CPU
(utime + stime of /proc/PID/stat) and resident memory (VmRSS of /proc/PID/status) at four moments:
  idle          just before the tester starts;
  steady start  when every call is up: the server's log has N INVITE lines and the server has 2 N
                more files open than at idle (a call's RTP and RTCP sockets, bound at its answer;
                /proc/PID/fd, looked at every 0.2 s), or the tester's live line shows answered +
                failed = N;
  steady end    the last look (every 0.25 s) at least 0.25 s before the server's log first says a
                call ended, and at the latest 1 s before the first call can end without a script
                (the tester's start + S: a call is held S s after its answer);
  end           when the tester has exited (every call hung up).
Prints one line of figures (and writes them to DIR/figures.json); exit status 1 when a call or an
expectation failed. Python 3 standard library only.
"""
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "tools"))
import latency_figures  # noqa: E402  (the one reader of cyclictest histograms)

TICKS = os.sysconf("SC_CLK_TCK")
LIVE = re.compile(r"placed (\d+) answered (\d+) completed (\d+) failed (\d+) active (\d+)")
CALL_LINE = re.compile(r"(\d\d):(\d\d):(\d\d\.\d+) .*Sip call (\S+) (to .*|ended: .*)$")
STEADY_END_MARGIN = 1.0  # seconds before the first call can end


def cpu_seconds(pid):
    """utime + stime of a process (all its threads) in seconds; None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS  # fields 14 and 15 of stat(5)
    except (OSError, IndexError, ValueError):
        return None


def rss_kib(pid, key="VmRSS"):
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def open_files(pid):
    """How many files (sockets included) a process has open: a call answered binds two (RTP, RTCP)."""
    try:
        return len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return 0


class LogWatch:
    """Reads what the server's log gained since the last look: its call-ended lines."""

    def __init__(self, path):
        self.path = path
        self.file = open(path, encoding="utf-8", errors="replace")
        self.file.seek(0, os.SEEK_END)
        self.start = self.file.tell()
        self.ended = 0
        self.invites = 0
        self.ended_before = 0

    def look(self):
        for line in self.file.readlines():
            m = CALL_LINE.match(line)
            if m and m.group(5).startswith("ended: "):
                self.ended += 1
            elif m:
                self.invites += 1
        return self.ended

    def call_seconds(self):
        """Each call's time in the server, from its INVITE's line to its ended line (HH:MM:SS.fff
        stamps), summed over the calls of this run; None when the log does not tell."""
        began, total, count = {}, 0.0, 0
        with open(self.path, encoding="utf-8", errors="replace") as f:
            f.seek(self.start)
            for line in f:
                m = CALL_LINE.match(line)
                if not m:
                    continue
                h, mi, sec, call_id, what = m.groups()
                t = int(h) * 3600 + int(mi) * 60 + float(sec)
                if what.startswith("to "):
                    began[call_id] = t
                elif call_id in began:
                    total += (t - began.pop(call_id)) % 86400
                    count += 1
        return (total, count) if count else (None, 0)


def exited(pid):
    """Whether a child has ended, without reaping it (its CPU is read when it is reaped)."""
    return os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None


def machine_cpu():
    with open("/proc/stat", encoding="ascii") as f:
        return [int(x) for x in f.readline().split()[1:9]]


def load_average():
    with open("/proc/loadavg", encoding="ascii") as f:
        return float(f.read().split()[0])


class Sample:
    def __init__(self, name, server_pid, tester_pid=None):
        self.name = name
        self.time = time.monotonic()
        self.server_cpu = cpu_seconds(server_pid)
        self.server_rss = rss_kib(server_pid)
        self.tester_cpu = cpu_seconds(tester_pid) if tester_pid else None
        self.load = load_average()
        self.files = open_files(server_pid)

    def as_dict(self, origin):
        return {"name": self.name, "seconds": round(self.time - origin, 3), "serverCpuSeconds": self.server_cpu,
                "serverRssKiB": self.server_rss, "testerCpuSeconds": self.tester_cpu, "loadAverage1m": self.load,
                "serverOpenFiles": self.files}


class LiveLines(threading.Thread):
    """Reads the tester's stderr: passes it on, keeps it, and notes when every call is up."""

    def __init__(self, stream, calls, copy_path):
        super().__init__(daemon=True)
        self.stream, self.calls, self.copy_path = stream, calls, copy_path
        self.all_up = threading.Event()
        self.ended_before_all_up = False
        self.last = None

    def run(self):
        with open(self.copy_path, "w", encoding="utf-8") as copy:
            for line in self.stream:
                copy.write(line)
                copy.flush()
                sys.stderr.write("  " + line)
                m = LIVE.search(line)
                if not m:
                    continue
                _, answered, completed, failed, _ = (int(x) for x in m.groups())
                self.last = line.strip()
                if answered + failed >= self.calls and not self.all_up.is_set():
                    if completed > 0:
                        self.ended_before_all_up = True
                    self.all_up.set()


def start_probe(out):
    """cyclictest: a realtime thread (priority 90) per CPU waking every 1 ms; how late it runs."""
    if os.geteuid() != 0:
        return None, "not measured (cyclictest needs root for priority 90)"
    try:
        path = os.path.join(out, "cyclictest.txt")
        f = open(path, "w", encoding="utf-8")
        return subprocess.Popen(["cyclictest", "-m", "-p", "90", "-t", "-a", "-i", "1000", "-q", "-h", "50000"],
                                stdout=f, stderr=subprocess.STDOUT), path
    except FileNotFoundError:
        return None, "not measured (cyclictest is missing: scripts/setup.sh installs rt-tests)"


def probe_figures(path):
    """p99 and max wake-up latency in ms over every CPU (tests/tools/latency_figures.py reads the histogram)."""
    counts, maxima, _, total = latency_figures.read(path)
    if not total:
        return None
    worst = max(maxima) if maxima else max(counts)
    return {"wakeUps": total, "p99Ms": latency_figures.percentile(counts, maxima, total, 99) / 1000, "maxMs": worst / 1000}


def per_call(cpu, seconds, calls):
    """CPU seconds over a span as % of one core per concurrent call."""
    if cpu is None or seconds <= 0:
        return None
    return 100 * cpu / seconds / calls


def fmt(value, pattern, missing="n/a"):
    return missing if value is None else pattern.format(value)


def main(argv):
    split = argv.index("--")
    opts = dict(zip(argv[1:split:2], argv[2:split:2]))
    tester = argv[split + 1:]
    server_pid = int(opts["--server-pid"])
    calls = int(opts["--calls"])
    duration = float(opts["--duration"])
    out = opts["--out"]
    floor = float(opts["--floor"]) if "--floor" in opts else None
    server_log = LogWatch(opts["--server-log"])
    report_path = os.path.join(out, "report.json")

    files_idle = open_files(server_pid)
    probe, probe_path = start_probe(out)  # the path of its output, or why it did not run
    machine_before = machine_cpu()
    idle = Sample("idle", server_pid)
    origin = idle.time
    proc = subprocess.Popen(tester, stdout=open(os.path.join(out, "tester.out"), "w", encoding="utf-8"),
                            stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace")
    launched = time.monotonic()
    live = LiveLines(proc.stderr, calls, os.path.join(out, "tester.err"))
    live.start()
    samples = [idle]
    steady_start = steady_end = None
    notes = []
    steady_end_due = launched + duration - STEADY_END_MARGIN
    try:
        # Every call up, or the tester gone (a run where calls fail may never show all of them up).
        while not live.all_up.wait(0.2):
            if exited(proc.pid):
                break
            server_log.look()
            if server_log.invites >= calls and open_files(server_pid) - files_idle >= 2 * calls:
                live.all_up.set()
        if live.all_up.is_set() and not exited(proc.pid):
            steady_start = Sample("steady start", server_pid, proc.pid)
            server_log.ended_before = server_log.look()
            samples.append(steady_start)
            if live.ended_before_all_up:
                notes.append("some calls ended before all were up")
            if steady_start.time >= steady_end_due:
                notes.append(f"no steady window: the last call was answered {steady_start.time - launched:.1f} s after the tester "
                             f"started, past its start + duration − {STEADY_END_MARGIN:.0f} s (raise --duration or --rate)")
            else:
                # Looks every 0.25 s; the steady window ends at the look before the one preceding
                # the first call-ended line (a log line may trail its event by a little).
                looks = [steady_start]
                while not exited(proc.pid):
                    now = time.monotonic()
                    if now >= steady_end_due:
                        break
                    time.sleep(min(0.25, steady_end_due - now))
                    if exited(proc.pid):
                        break
                    look = Sample("steady end", server_pid, proc.pid)
                    if server_log.look() > server_log.ended_before:
                        notes.append(f"the first call ended {look.time - launched:.1f} s after the tester started: the steady window ends before it")
                        break
                    looks.append(look)
                if server_log.ended > server_log.ended_before:
                    looks = looks[:-1]
                if len(looks) > 1:
                    steady_end = looks[-1]
                    samples.append(steady_end)
                else:
                    notes.append("no steady window: a call ended as soon as all were up")
        else:
            notes.append("the calls were never all up at once")
        # The tester's own CPU from the kernel's account of the child when it is reaped.
        _, status, usage = os.wait4(proc.pid, 0)
        exit_code = os.waitstatus_to_exitcode(status)
        proc.returncode = exit_code
    except KeyboardInterrupt:
        proc.send_signal(signal.SIGINT)
        proc.wait()
        raise
    finally:
        if probe is not None:
            probe.send_signal(signal.SIGINT)
            probe.wait()
    end = Sample("end", server_pid)
    samples.append(end)
    machine_after = machine_cpu()
    live.join(5)
    tester_cpu = usage.ru_utime + usage.ru_stime
    server_hwm = rss_kib(server_pid, "VmHWM")

    try:
        with open(report_path, encoding="utf-8") as f:
            report = json.load(f)
    except (OSError, ValueError) as e:
        print(f"no report from the tester ({e}); tester exit status {exit_code}; its output in {out}")
        return 1

    # The machine over the run: share of the CPUs stolen by the hypervisor, and busy.
    d = [b - a for a, b in zip(machine_before, machine_after)]
    total = sum(d) or 1
    steal = 100 * d[7] / total
    busy = 100 * (total - d[3] - d[4] - d[7]) / total
    probe_result = probe_figures(probe_path) if probe is not None else None
    probe_missing = probe_path if probe is None else "not measured (cyclictest gave no samples)"

    run_seconds = end.time - idle.time
    # Whole run: every CPU second from just before the first INVITE to the last call's end, per
    # call-second (each call's INVITE to its end in the server's log; N × S if the log does not tell):
    # CPU per call-second = % of a core per concurrent call, set-up and teardown included.
    call_seconds, calls_logged = server_log.call_seconds()
    if call_seconds is None or calls_logged < calls:
        notes.append(f"the server's log gave the length of {calls_logged} of {calls} calls: whole-run figures per N × {duration:g} s")
        call_seconds = calls * duration
    whole = per_call(end.server_cpu - idle.server_cpu if end.server_cpu is not None else None, call_seconds, 1)
    tester_whole = per_call(tester_cpu, call_seconds, 1)
    steady = tester_steady = memory = steady_seconds = None
    if steady_start and steady_end:
        steady_seconds = steady_end.time - steady_start.time
        steady = per_call(steady_end.server_cpu - steady_start.server_cpu, steady_seconds, calls)
        if steady_start.tester_cpu is not None and steady_end.tester_cpu is not None:
            tester_steady = per_call(steady_end.tester_cpu - steady_start.tester_cpu, steady_seconds, calls)
        memory = (steady_end.server_rss - idle.server_rss) / calls
    failed = int(report["failed"])
    expectations_failed = int(report["expectations"]["failed"])
    rx = report["receivedAudio"]
    figures = {
        "calls": calls, "placed": report["placed"], "answered": report["answered"], "failed": failed,
        "failures": report["failures"], "expectations": report["expectations"],
        "inviteTo200Ms": report["inviteTo200Ms"], "inviteToFirstRtpMs": report["inviteToFirstRtpMs"],
        "receivedAudio": rx, "runSeconds": round(run_seconds, 3), "steadySeconds": steady_seconds, "callSeconds": round(call_seconds, 3),
        "serverPercentCorePerCallSteady": steady, "serverPercentCorePerCallWholeRun": whole,
        "serverMemoryKiBPerCall": memory, "serverPeakRssKiB": server_hwm,
        "testerCpuSeconds": tester_cpu, "testerPercentCorePerCallSteady": tester_steady,
        "testerPercentCorePerCallWholeRun": tester_whole, "testerMaxRssKiB": usage.ru_maxrss,
        "loadAverage1mAtEnd": end.load, "loadAverage1mMax": max(s.load for s in samples),
        "machineBusyPercent": busy, "stealPercent": steal, "machineLatency": probe_result,
        "floorPercentCorePerCall": floor, "samples": [s.as_dict(origin) for s in samples], "notes": notes,
        "testerExitCode": exit_code, "report": report_path,
    }
    with open(os.path.join(out, "figures.json"), "w", encoding="utf-8") as f:
        json.dump(figures, f, indent=2)

    parts = [f"calls {calls} failed {failed}"]
    if report["failures"]:
        parts[0] += " (" + ", ".join(f"{reason} {count}" for reason, count in report["failures"].items()) + ")"
    if report["expectations"]["checked"]:
        parts[0] += f" expectations {report['expectations']['checked'] - expectations_failed}/{report['expectations']['checked']}"
    parts.append(f"INVITE→200 p99 {report['inviteTo200Ms']['p99']:.1f} ms →RTP p99 {report['inviteToFirstRtpMs']['p99']:.1f} ms")
    parts.append(f"rx |Δ−20ms| p99 {rx['deviationMs']['p99']:.2f} max {rx['deviationMs']['max']:.1f} ms lost {rx['lost']}")
    parts.append(f"server {fmt(steady, '{:.3f}')} %core/call steady ({fmt(whole, '{:.3f}')} whole run) "
                 f"{fmt(memory, '{:.0f}')} KB/call")
    parts.append(f"tester {fmt(tester_steady, '{:.3f}')} %core/call steady ({fmt(tester_whole, '{:.3f}')} whole run)")
    parts.append(f"load {end.load:.1f} steal {steal:.1f} % busy {busy:.0f} %")
    parts.append("machine latency " + (f"p99 {probe_result['p99Ms']:.2f} max {probe_result['maxMs']:.1f} ms" if probe_result else "n/a"))
    if floor is not None:
        ratio = f" ({steady / floor:.1f}× floor)" if steady is not None and floor > 0 else ""
        parts.append(f"floor {floor:.4f} %core/call{ratio}")
    print(" | ".join(parts))
    for note in notes:
        print("note: " + note)
    if probe_result is None:
        print("machine latency: " + probe_missing)
    print(f"report {report_path} figures {os.path.join(out, 'figures.json')}")
    return 1 if failed or expectations_failed or exit_code != 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
