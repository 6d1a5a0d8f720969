#!/usr/bin/env python3
"""Media figures from a loopback capture of a load run (see scripts/load/sipp-rtp.sh).

Usage: rtp_figures.py CAPTURE.pcap SIP_PORT RTP_LO-RTP_HI
Reads the capture with tshark and prints, over every RTP stream the server sent:
  p50/p99/max of |send interval - 20 ms|, and per call the time from the INVITE to the
  200 OK and to the server's first RTP packet (p50/p99). Python 3 standard library + tshark.
"""
import subprocess
import sys


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered) + 0.5)) - 1))]


def tshark(capture, display_filter, fields, decode=None):
    command = ["tshark", "-r", capture, "-n", "-Y", display_filter, "-T", "fields", "-E", "separator=\t"]
    for d in decode or []:
        command += ["-d", d]
    for field in fields:
        command += ["-e", field]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return [line.split("\t") for line in result.stdout.splitlines() if line]


def main(argv):
    capture, sip_port, rtp_range = argv[0], int(argv[1]), argv[2]
    low, high = (int(x) for x in rtp_range.split("-"))
    # RTP: packets from the server's range decoded as RTP; a stream is one (server port, caller
    # port) pair, since the server gives each call its own port. RTCP (odd ports) is left out,
    # and so is the interval before a talkspurt start (marker bit): silence between prompts is
    # not pacing jitter.
    # The server numbers every packet it sends, so a gap in sequence numbers is a packet the
    # capture lost (tshark falling behind on a busy machine), not a late send: the interval
    # across it is left out and the loss is reported.
    rows = tshark(capture, f"udp.srcport >= {low} && udp.srcport <= {high} && (rtp.p_type == 0 || rtp.p_type == 8 || rtp.p_type >= 96 && rtp.p_type <= 127)",
                  ["frame.time_epoch", "udp.srcport", "udp.dstport", "rtp.marker", "rtp.seq", "rtp.ssrc"], decode=[f"udp.port=={low}-{high},rtp"])
    streams, by_server_port = {}, {}
    for time, port, peer, marker, seq, ssrc in (r + [""] * (6 - len(r)) for r in rows):
        if int(port) % 2:
            continue
        streams.setdefault((int(port), int(peer), ssrc), []).append((float(time), marker in ("1", "True"), int(seq or 0)))
        by_server_port.setdefault(int(port), []).append(float(time))
    deviations, lost = [], 0
    for packets in streams.values():
        for (a, _, seq_a), (b, talkspurt, seq_b) in zip(packets, packets[1:]):
            missing = (seq_b - seq_a - 1) % 65536
            if missing:
                lost += missing
            elif not talkspurt:
                deviations.append(abs((b - a) * 1000 - 20))
    print(f"server RTP: {sum(len(p) for p in streams.values())} packets in {len(streams)} streams; {lost} lost by the capture (sequence gaps, left out)")
    if deviations:
        print(f"|send interval - 20 ms| (ms): p50={percentile(deviations, 50):.3f}"
              f" p99={percentile(deviations, 99):.3f} max={max(deviations):.3f}")
    # SIP: INVITE time, 200 time and the server's media port (from its SDP answer), per Call-ID.
    sip = tshark(capture, "sip.CSeq.method == \"INVITE\"",
                 ["frame.time_epoch", "sip.Method", "sip.Status-Code", "sip.Call-ID", "sdp.media.port"],
                 decode=[f"udp.port=={sip_port},sip"])
    invites, answers, media_port = {}, {}, {}
    for time, method, status, call_id, port in (r + [""] * (5 - len(r)) for r in sip):
        if method == "INVITE" and call_id not in invites:
            invites[call_id] = float(time)
        elif status == "200" and call_id not in answers:
            answers[call_id] = float(time)
            if port:
                media_port[call_id] = int(port.split(",")[0])
    to_answer = [(answers[c] - invites[c]) * 1000 for c in answers if c in invites]
    to_media = []
    for call_id, port in media_port.items():
        times = by_server_port.get(port)
        if times and call_id in invites:
            first = next((t for t in times if t >= invites[call_id]), None)
            if first is not None:
                to_media.append((first - invites[call_id]) * 1000)
    if to_answer:
        print(f"INVITE->200 OK (ms, capture): n={len(to_answer)} p50={percentile(to_answer, 50):.1f} p99={percentile(to_answer, 99):.1f}")
    if to_media:
        print(f"INVITE->first server RTP (ms): n={len(to_media)} p50={percentile(to_media, 50):.1f} p99={percentile(to_media, 99):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
