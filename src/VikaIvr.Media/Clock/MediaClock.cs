using Microsoft.Extensions.Logging;
using VikaIvr.Media.Net;

namespace VikaIvr.Media.Clock;

/// <summary>
/// The one media clock: a few pacers (min(cores, configured)), each owning a share of the
/// streams, call every stream once per frame interval at its phase within the period. No
/// timer, thread or task per call. Per-slot work allocates nothing.
/// </summary>
public sealed partial class MediaClock : IDisposable
{
    private readonly IMediaTickSource _ticks;
    private readonly ILogger<MediaClock> _logger;
    private readonly PacerShard[] _shards;
    private readonly int _slotsPerPeriod;
    private readonly TimeSpan _slotDuration;
    private readonly double _microsecondsPerTick;
    private int _started;

    public MediaClock(MediaClockOptions options, IMediaTickSource ticks, ILogger<MediaClock> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ticks);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SlotsPerPeriod, 1);
        _ticks = ticks;
        _logger = logger;
        _slotsPerPeriod = options.SlotsPerPeriod;
        _slotDuration = options.SlotDuration;
        int threads = Math.Max(1, Math.Min(options.MaxPacerThreads, Environment.ProcessorCount));
        _shards = new PacerShard[threads];
        for (int i = 0; i < threads; i++)
        {
            _shards[i] = new PacerShard(_slotsPerPeriod) { Batch = RtpSendBatch.IsSupported ? new RtpSendBatch() : null };
        }

        _microsecondsPerTick = 1_000_000.0 / ticks.Frequency;
    }

    public int PacerCount => _shards.Length;

    public int SlotsPerPeriod => _slotsPerPeriod;

    public TimeSpan SlotDuration => _slotDuration;

    public IMediaTickSource TickSource => _ticks;

    public int StreamCount
    {
        get
        {
            int n = 0;
            foreach (var s in _shards)
            {
                n += s.Count;
            }

            return n;
        }
    }

    /// <summary>Frames handed to streams so far (all pacers).</summary>
    public long FramesDue
    {
        get
        {
            long n = 0;
            foreach (var s in _shards)
            {
                n += s.Frames;
            }

            return n;
        }
    }

    /// <summary>Exceptions thrown by streams (each is logged and the pacer carries on).</summary>
    public long StreamFailures
    {
        get
        {
            long n = 0;
            foreach (var s in _shards)
            {
                n += s.Failures;
            }

            return n;
        }
    }

    /// <summary>Starts the pacers; idempotent. Streams may be added before or after.</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _ticks.Start(_shards.Length, _slotDuration, _slotsPerPeriod, RunSlot, NextSlotWithWork);
        }
    }

    /// <summary>Puts a stream on the clock, on the least-loaded pacer and phase.</summary>
    public PacerRegistration Add(IPacedStream stream, TimeSpan frameInterval)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var shardIndex = 0;
        for (int i = 1; i < _shards.Length; i++)
        {
            if (_shards[i].Count < _shards[shardIndex].Count)
            {
                shardIndex = i;
            }
        }

        var shard = _shards[shardIndex];
        int interval = ToSlots(frameInterval);
        PacerRegistration registration;
        lock (shard.Gate)
        {
            int phase = shard.LeastLoadedPhase(interval);
            registration = new PacerRegistration(this, stream, shardIndex, phase, interval);
            shard.Add(registration, shard.BucketsFor(phase, interval));
        }

        // A pacer with nothing to do sleeps until told; one sleeping towards a later slot re-plans.
        _ticks.Wake(shardIndex);
        return registration;
    }

    /// <summary>Pacer <paramref name="shard"/>'s send batch (fixed from the start; read without a lock).</summary>
    internal RtpSendBatch? BatchOf(int shard) => _shards[shard].Batch;

    /// <summary>A merged copy of all pacers' send-lateness histograms (since start or the last <see cref="ResetLateness"/>).</summary>
    public LatenessHistogram GetLateness()
    {
        var merged = new LatenessHistogram();
        foreach (var s in _shards)
        {
            merged.Add(s.Lateness);
        }

        return merged;
    }

    /// <summary>Starts the lateness figures afresh (e.g. after a warm-up); frames in flight may land in either window.</summary>
    public void ResetLateness()
    {
        foreach (var s in _shards)
        {
            s.ResetLateness();
        }
    }

    /// <summary>Datagrams the pacers sent in batches (sendmmsg), the system calls that took them, and the datagrams the kernel refused (dropped).</summary>
    public (long Datagrams, long Calls, long Refused) BatchedSends
    {
        get
        {
            long datagrams = 0, calls = 0, refused = 0;
            foreach (var s in _shards)
            {
                if (s.Batch is { } batch)
                {
                    datagrams += batch.Sent;
                    calls += batch.Calls;
                    refused += batch.Failed;
                }
            }

            return (datagrams, calls, refused);
        }
    }

    public void Dispose()
    {
        _ticks.Dispose();
        foreach (var s in _shards)
        {
            s.Batch?.Dispose();
        }
    }

    internal void Remove(PacerRegistration registration) => _shards[registration.Shard].Remove(registration);

    internal int ToSlots(TimeSpan interval)
        => Math.Max(1, (int)Math.Round(interval.Ticks / (double)_slotDuration.Ticks));

    private long NextSlotWithWork(int shardIndex, long afterSlot) => _shards[shardIndex].NextSlotWithStreams(afterSlot);

    private void RunSlot(int shardIndex, long slot, long scheduledTimestamp)
    {
        var shard = _shards[shardIndex];
        var streams = shard.Bucket((int)(slot % _slotsPerPeriod));
        if (streams.Length == 0)
        {
            return;
        }

        var lateness = shard.Lateness;
        var batch = shard.Batch;
        int held = 0;
        long now = _ticks.GetTimestamp();
        foreach (var r in streams)
        {
            if (r is null || r.Removed)
            {
                // A hole, or a stream removed since the bucket was read.
                continue;
            }

            if (r.NextDueSlot < 0)
            {
                // First sight: the stream sits only in buckets of its phases, so this slot is one of them.
                r.NextDueSlot = slot;
            }

            if (slot < r.NextDueSlot)
            {
                continue;
            }

            Advance(shard, r, slot);
            shard.Frames++;
            int before = batch?.Count ?? 0;
            try
            {
                r.Stream.OnFrameDue(now);
            }
            catch (Exception ex)
            {
                shard.Failures++;
                LogStreamFailed(ex);
            }

            // Lateness is taken when the frame has left (after the send), and that instant is the
            // next stream's "now": one clock read per frame. A frame held in the batch leaves with it.
            now = _ticks.GetTimestamp();
            if (batch is not null && batch.Count > before)
            {
                held++;
            }
            else
            {
                lateness.Record((now - scheduledTimestamp) * _microsecondsPerTick);
            }
        }

        if (batch is { Count: > 0 })
        {
            batch.Flush();
            double late = (_ticks.GetTimestamp() - scheduledTimestamp) * _microsecondsPerTick;
            for (int i = 0; i < held; i++)
            {
                lateness.Record(late);
            }
        }
    }

    private void Advance(PacerShard shard, PacerRegistration r, long slot)
    {
        int interval = r.IntervalSlots;
        if (interval != r.AppliedIntervalSlots)
        {
            // ptime changed: the new interval may visit other phases, so the stream moves buckets (rare; allocates only to grow a bucket).
            r.AppliedIntervalSlots = interval;
            r.NextDueSlot = slot + interval;
            shard.Rebucket(r, shard.BucketsFor((int)(r.NextDueSlot % _slotsPerPeriod), interval));
            return;
        }

        r.NextDueSlot += interval;
        if (r.NextDueSlot <= slot)
        {
            // After a stall: carry on from now rather than replaying the missed frames as a burst.
            r.NextDueSlot = slot + interval;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Media stream failed on its frame tick")]
    private partial void LogStreamFailed(Exception exception);
}
