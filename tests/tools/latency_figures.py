#!/usr/bin/env python3
"""The machine's realtime scheduling latency from a cyclictest histogram (cyclictest -q -h N).

Usage: latency_figures.py CYCLICTEST_OUTPUT
Prints p99, p99.9 and max wake-up latency over all CPUs' threads, and how many wake-ups were
later than 2 ms. Python 3 standard library only.
"""
import sys


def read(path):
    """The histogram: (counts by latency in us, per-CPU maxima, overflows, total wake-ups)."""
    counts, maxima, overflows = {}, [], 0
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.strip()
        if line.startswith("# Max Latencies:"):
            maxima = [int(x) for x in line.split(":", 1)[1].split()]
        elif line.startswith("# Histogram Overflows:"):
            overflows = sum(int(x) for x in line.split(":", 1)[1].split())
        elif line and line[0].isdigit():
            fields = [int(x) for x in line.split()]
            counts[fields[0]] = counts.get(fields[0], 0) + sum(fields[1:])
    return counts, maxima, overflows, sum(counts.values()) + overflows


def percentile(counts, maxima, total, p):
    """The latency (us) at or below which p % of the wake-ups fell (the worst when the histogram overflowed)."""
    wanted, seen = total * p / 100, 0
    for latency in sorted(counts):
        seen += counts[latency]
        if seen >= wanted:
            return latency
    return max(maxima) if maxima else float("nan")


def main(path):
    counts, maxima, overflows, total = read(path)
    if not total:
        print("machine scheduling latency: no samples (cyclictest did not run)")
        return 1

    late = sum(c for latency, c in counts.items() if latency > 2000) + overflows
    worst = max(maxima) if maxima else max(counts)
    print(f"machine scheduling latency (cyclictest, realtime priority 90, every CPU, {total} wake-ups): "
          f"p99={percentile(counts, maxima, total, 99) / 1000:.3f} ms p99.9={percentile(counts, maxima, total, 99.9) / 1000:.3f} ms max={worst / 1000:.3f} ms; "
          f"{late} wake-ups ({100 * late / total:.3f} %) later than 2 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
