#!/usr/bin/env python3
"""Prints the figures of a SIPp run: calls from its -trace_stat CSV, response times from -trace_rtt.

Usage: sipp_figures.py STAT.csv [RTT.csv]     (Python 3 standard library only)
"""
import sys


def last_row(path):
    with open(path) as f:
        lines = [line.rstrip("\n") for line in f if line.strip()]
    if len(lines) < 2:
        return {}
    return dict(zip(lines[0].split(";"), lines[-1].split(";")))


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered) + 0.5)) - 1))
    return ordered[index]


def main(argv):
    stat = last_row(argv[0])
    if not stat:
        print(f"no statistics in {argv[0]}")
        return 1
    print(f"calls created:    {stat.get('TotalCallCreated')}")
    print(f"successful calls: {stat.get('SuccessfulCall(C)')}")
    print(f"failed calls:     {stat.get('FailedCall(C)')}"
          f" (unexpected message {stat.get('FailedUnexpectedMessage(C)')}, max UDP retrans {stat.get('FailedMaxUDPRetrans(C)')},"
          f" recv timeout {stat.get('FailedTimeoutOnRecv(C)')}, rejected {stat.get('FailedCallRejected(C)')})")
    print(f"retransmissions:  {stat.get('Retransmissions(C)')}")
    print(f"elapsed:          {stat.get('ElapsedTime(C)')}, call rate {stat.get('CallRate(C)')} /s")
    if len(argv) > 1:
        times = []
        try:
            with open(argv[1]) as f:
                next(f, None)
                for line in f:
                    parts = line.strip().split(";")
                    if len(parts) >= 2 and parts[1]:
                        times.append(float(parts[1]))
        except FileNotFoundError:
            pass
        if times:
            # SIPp measures with 1 ms resolution: a 0 means "under a millisecond".
            print(f"INVITE->200 (ms): n={len(times)} mean={sum(times) / len(times):.2f}"
                  f" p50={percentile(times, 50):.0f} p99={percentile(times, 99):.0f} max={max(times):.0f}")
        else:
            print("INVITE->200: no response-time samples")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
