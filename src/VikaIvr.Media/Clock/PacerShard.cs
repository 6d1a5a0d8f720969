using VikaIvr.Media.Net;

namespace VikaIvr.Media.Clock;

/// <summary>
/// One pacer's share of the streams, kept in one bucket per phase slot so a slot touches only the
/// streams that can be due in it. A stream with an interval of I slots visits the phases
/// p + k·gcd(I, period) only, so it sits in those buckets. A bucket is an array with holes:
/// placing fills a hole (a null) and grows the array, doubling, only when it has none, so a call
/// placed where another left allocates nothing. Mutations happen under a lock (call set-up, not
/// per frame); the pacer reads the arrays lock-free, skipping holes: each entry and each grown
/// array is published with a volatile write, and a registration read just before its removal
/// says so itself (<see cref="PacerRegistration.Removed"/>).
/// </summary>
internal sealed class PacerShard
{
    private readonly Lock _gate = new();
    private readonly PacerRegistration?[][] _buckets;
    private volatile LatenessHistogram _lateness = new();
    private int _count;

    public PacerShard(int slotsPerPeriod)
    {
        _buckets = new PacerRegistration?[slotsPerPeriod][];
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

    /// <summary>The streams of a phase slot; null entries are holes left by streams that went.</summary>
    public PacerRegistration?[] Bucket(int phase) => Volatile.Read(ref _buckets[phase]);

    /// <summary>The first slot after <paramref name="afterSlot"/> whose bucket holds a stream, or <see cref="long.MaxValue"/>.</summary>
    public long NextSlotWithStreams(long afterSlot)
    {
        int period = _buckets.Length;
        long first = afterSlot + 1;
        int phase = (int)(((first % period) + period) % period);
        for (int i = 0; i < period; i++)
        {
            if (Volatile.Read(ref PhaseLoad[(phase + i) % period]) > 0)
            {
                return first + i;
            }
        }

        return long.MaxValue;
    }

    /// <summary>
    /// The first bucket and the stride of the buckets a stream starting at <paramref name="phase"/>
    /// with the given interval visits: first, first + stride, ... below the period.
    /// </summary>
    public (int First, int Stride) BucketsFor(int phase, int intervalSlots)
    {
        int stride = Gcd(intervalSlots, _buckets.Length);
        return (phase % stride, stride);
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

    public void Add(PacerRegistration registration, (int First, int Stride) buckets)
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
    public void Rebucket(PacerRegistration registration, (int First, int Stride) buckets)
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

    private void Place(PacerRegistration registration, (int First, int Stride) buckets)
    {
        for (int b = buckets.First; b < _buckets.Length; b += buckets.Stride)
        {
            var bucket = _buckets[b];
            int hole = Array.IndexOf(bucket, null);
            if (hole >= 0)
            {
                Volatile.Write(ref bucket[hole], registration);
            }
            else
            {
                // No hole: a longer array (a new peak of calls in this phase), published whole.
                var grown = new PacerRegistration?[Math.Max(4, bucket.Length * 2)];
                bucket.CopyTo(grown, 0);
                grown[bucket.Length] = registration;
                Volatile.Write(ref _buckets[b], grown);
            }

            // After the entry: a pacer that sees the load sees the stream.
            Volatile.Write(ref PhaseLoad[b], PhaseLoad[b] + 1);
        }

        registration.Buckets = buckets;
    }

    private void Unplace(PacerRegistration registration)
    {
        var (first, stride) = registration.Buckets;
        for (int b = first; stride > 0 && b < _buckets.Length; b += stride)
        {
            var bucket = _buckets[b];
            int index = Array.IndexOf(bucket, registration);
            if (index < 0)
            {
                continue;
            }

            Volatile.Write(ref bucket[index], null);
            Volatile.Write(ref PhaseLoad[b], PhaseLoad[b] - 1);
        }

        registration.Buckets = default;
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
