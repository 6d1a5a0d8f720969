#!/usr/bin/env python3
"""Benchmark (not a test): time from the caller's last key (the last birth-date digit) to the
synthesized answer, over real SIP calls to a server this script starts on loopback.

For each demo participant it calls the status path and the bill path (keys by SIP INFO), first
with an empty speech cache (cold: espeak-ng runs) and then again (warm: cached). The figure is
read from the server's call records ("speech-latency N ms": last key accepted -> answer playback
starts; the first frame leaves at the stream's next 20 ms slot). Prints the median and p90.

  scripts/bench/speech-latency.py [--rounds 2]
"""
import json, os, shutil, socket, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PEOPLE = [("3171011708850001", "17081985"), ("3273054503920002", "05031992"), ("3578101201800003", "12011980"),
          ("5103066107750004", "21071975"), ("6171030309600005", "03091960"), ("7371114402880006", "04021988")]

INFO = """
  <send retrans="500"><![CDATA[
      INFO [next_url] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "VIKA caller" <sip:081234567890@[local_ip]:[local_port]>;tag=[pid]VikaTag00[call_number]
      To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
      Call-ID: [call_id]
      CSeq: {cseq} INFO
      [routes]
      Contact: <sip:081234567890@[local_ip]:[local_port];transport=[transport]>
      Max-Forwards: 70
      Content-Type: application/dtmf-relay
      Content-Length: [len]

      Signal={key}
      Duration=160

  ]]></send>
  <recv response="200"/>
  <pause milliseconds="60"/>
"""
BYE = """
  <pause milliseconds="{wait}"/>
  <send retrans="500"><![CDATA[
      BYE [next_url] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "VIKA caller" <sip:081234567890@[local_ip]:[local_port]>;tag=[pid]VikaTag00[call_number]
      To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
      Call-ID: [call_id]
      CSeq: {cseq} BYE
      [routes]
      Contact: <sip:081234567890@[local_ip]:[local_port];transport=[transport]>
      Max-Forwards: 70
      Content-Length: 0

  ]]></send>
  <recv response="200" crlf="true"/>
"""


def free_port():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def scenario(path, keys, directory):
    template = open(os.path.join(ROOT, "tests/sipp/vika/uac_vika_keys.xml")).read()
    steps, cseq = [], 1
    for i, k in enumerate(keys):
        cseq += 1
        steps.append(INFO.format(cseq=cseq, key=k))
        if i == 1:  # let the id prompt start before the id digits (keys are queued anyway)
            steps.append('  <pause milliseconds="300"/>\n')
    steps.append(BYE.format(cseq=cseq + 1, wait=8000))
    out = os.path.join(directory, path)
    open(out, "w").write(template.replace("<!-- STEPS -->", "".join(steps)))
    return out


def main():
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 2
    vika = os.path.join(ROOT, "src/VikaIvr.Server/bin/Release/net10.0/vika.dll")
    if not os.path.exists(vika):
        subprocess.check_call(["dotnet", "build", os.path.join(ROOT, "src/VikaIvr.Server"), "-c", "Release", "-v", "quiet", "-nologo"])
    work = tempfile.mkdtemp(prefix="vika-latency-")
    port, rtp = free_port(), 41000
    env = dict(os.environ, VIKA_HOME=ROOT)
    server = subprocess.Popen(["dotnet", vika, "serve", "--bind", "127.0.0.1", "--sip-port", str(port), "--rtp-ports", f"{rtp}-{rtp + 999}",
                               "--data", os.path.join(work, "data"), "--log-level", "Warning"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(8)
        results = {}
        for r in range(rounds):
            label = "cold" if r == 0 else "warm"
            for nik, dob in PEOPLE:
                for service in ("1", "2"):
                    keys = "1" + service + nik + "#" + dob
                    sf = scenario(f"s{service}_{nik}.xml", keys, work)
                    subprocess.run(["sipp", "-sf", sf, "-s", "165", "-i", "127.0.0.1", "-p", str(free_port()), "-m", "1",
                                    "-timeout", "40s", "-nostdin", "-bg" if False else "-nd", f"127.0.0.1:{port}"],
                                   cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
                    results.setdefault(label, []).append(None)
            time.sleep(1)
        out = subprocess.run(["dotnet", vika, "cdr", "--json", "--last", "1000", "--data", os.path.join(work, "data")],
                             env=env, capture_output=True, text=True).stdout
        per_call = []
        for line in out.splitlines():
            rec = json.loads(line)
            lat = [int(e.split()[1]) for e in rec.get("events", []) if e.startswith("speech-latency")]
            if lat:
                per_call.append(lat[0])
        n = len(PEOPLE) * 2
        for label, values in (("cold (espeak-ng runs)", per_call[:n]), ("warm (cached)", per_call[n:2 * n])):
            if values:
                values = sorted(values)
                p90 = values[min(len(values) - 1, int(round(0.9 * (len(values) - 1))))]
                print(f"{label:24} calls={len(values):3}  median={statistics.median(values):.0f} ms  p90={p90} ms  max={values[-1]} ms")
        if not per_call:
            print("no speech-latency events found: did the calls reach the answers?", file=sys.stderr)
            return 1
        return 0
    finally:
        server.terminate()
        server.wait(10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
