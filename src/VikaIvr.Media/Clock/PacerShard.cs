using VikaIvr.Media.Net;

namespace VikaIvr.Media.Clock;

/// <summary>
/// One pacer's share of the streams, kept in one bucket per phase slot so a slot touches only the
/// streams that can be due in it. A stream with an interval of I slots visits the phases
/// p + k·gcd(I, period) only, so it sits in those buckets. Mutations copy the bucket arrays
/// under a lock (call setup, not per frame); the pacer reads them lock-free.
/// </summary>
internal sealed class PacerShard
{
    private readonly Lock _gate = new();
    private readonly PacerRegistration[][] _buckets;
    private volatile LatenessHistogram _lateness = new();
    private int _count;

    public PacerShard(int slotsPerPeriod)
    {
        _buckets = new PacerRegistration[slotsPerPeriod][];
        for (int i = 0; i < slotsPerPeriod; i++)
        {
            _buckets[i] = [];
        }

        PhaseLoad = new int[slotsPerPeriod];
    }

    /// <summary>Frames due per period in each phase slot (a stream counts once in each of its buckets).</summary>
    public int[] PhaseLoad { get; }

    /// <summary>The histogram the pacer records into now; replaced whole by <see cref="ResetLateness"/>.</summary>
    public LatenessHistogram Lateness => _lateness;

    public long Frames { get; set; }

    /// <summary>The pacer's outgoing batch (Linux): frames for a shared socket leave together at the end of the slot.</summary>
    public RtpSendBatch? Batch { get; init; }

    public long Failures { get; set; }

    public int Count => Volatile.Read(ref _count);

    public int SlotsPerPeriod => _buckets.Length;

    public Lock Gate => _gate;

    public PacerRegistration[] Bucket(int phase) => Volatile.Read(ref _buckets[phase]);

    /// <summary>The first slot after <paramref name="afterSlot"/> whose bucket holds a stream, or <see cref="long.MaxValue"/>.</summary>
    public long NextSlotWithStreams(long afterSlot)
    {
        int period = _buckets.Length;
        long first = afterSlot + 1;
        int phase = (int)(((first % period) + period) % period);
        for (int i = 0; i < period; i++)
        {
            if (Volatile.Read(ref _buckets[(phase + i) % period]).Length > 0)
            {
                return first + i;
            }
        }

        return long.MaxValue;
    }

    /// <summary>The buckets a stream starting at <paramref name="phase"/> with the given interval visits.</summary>
    public int[] BucketsFor(int phase, int intervalSlots)
    {
        int period = _buckets.Length;
        int stride = Gcd(intervalSlots, period);
        var buckets = new int[period / stride];
        for (int i = 0; i < buckets.Length; i++)
        {
            buckets[i] = (phase % stride) + (i * stride);
        }

        return buckets;
    }

    /// <summary>The least-loaded phase for a new stream of the given interval (sum over the buckets it would visit).</summary>
    public int LeastLoadedPhase(int intervalSlots)
    {
        int stride = Gcd(intervalSlots, _buckets.Length);
        int best = 0;
        long bestLoad = long.MaxValue;
        for (int p = 0; p < stride; p++)
        {
            long load = 0;
            for (int b = p; b < _buckets.Length; b += stride)
            {
                load += PhaseLoad[b];
            }

            if (load < bestLoad)
            {
                best = p;
                bestLoad = load;
            }
        }

        // Among equal phases of the stride, prefer the least-loaded bucket itself.
        int phase = best;
        for (int b = best; b < _buckets.Length; b += stride)
        {
            if (PhaseLoad[b] < PhaseLoad[phase])
            {
                phase = b;
            }
        }

        return phase;
    }

    public void Add(PacerRegistration registration, int[] buckets)
    {
        lock (_gate)
        {
            Place(registration, buckets);
            _count++;
        }
    }

    public bool Remove(PacerRegistration registration)
    {
        lock (_gate)
        {
            if (registration.Removed)
            {
                return false;
            }

            registration.Removed = true;
            Unplace(registration);
            _count--;
            return true;
        }
    }

    /// <summary>Moves a stream to the buckets of its new interval (pacer thread, after a ptime change).</summary>
    public void Rebucket(PacerRegistration registration, int[] buckets)
    {
        lock (_gate)
        {
            if (registration.Removed)
            {
                return;
            }

            Unplace(registration);
            Place(registration, buckets);
        }
    }

    /// <summary>Starts a fresh histogram (the pacer switches at its next frame) and returns the old one.</summary>
    public LatenessHistogram ResetLateness() => Interlocked.Exchange(ref _lateness, new LatenessHistogram());

    private void Place(PacerRegistration registration, int[] buckets)
    {
        foreach (int b in buckets)
        {
            var old = _buckets[b];
            var next = new PacerRegistration[old.Length + 1];
            old.CopyTo(next, 0);
            next[^1] = registration;
            Volatile.Write(ref _buckets[b], next);
            PhaseLoad[b]++;
        }

        registration.Buckets = buckets;
    }

    private void Unplace(PacerRegistration registration)
    {
        foreach (int b in registration.Buckets)
        {
            var old = _buckets[b];
            int index = Array.IndexOf(old, registration);
            if (index < 0)
            {
                continue;
            }

            var next = new PacerRegistration[old.Length - 1];
            Array.Copy(old, 0, next, 0, index);
            Array.Copy(old, index + 1, next, index, old.Length - index - 1);
            Volatile.Write(ref _buckets[b], next);
            PhaseLoad[b]--;
        }

        registration.Buckets = [];
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return Math.Max(1, a);
    }
}
