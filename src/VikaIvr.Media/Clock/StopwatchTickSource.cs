using System.Diagnostics;

namespace VikaIvr.Media.Clock;

/// <summary>
/// Real pacers: one thread per shard, each sleeping to absolute Stopwatch deadlines
/// (start + n × slot), so errors never accumulate into drift. After a stall the pacer catches
/// up at most one period of slots (at most one extra frame per stream) and drops the rest.
/// Shards are offset within a slot so pacers do not wake together.
/// </summary>
public sealed class StopwatchTickSource : IMediaTickSource
{
    private readonly bool _spin;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Thread> _threads = [];
    private long _skipped;

    public StopwatchTickSource(bool spinBeforeDeadline = true)
    {
        _spin = spinBeforeDeadline;
    }

    public long Frequency => Stopwatch.Frequency;

    public long SkippedSlots => Interlocked.Read(ref _skipped);

    public long GetTimestamp() => Stopwatch.GetTimestamp();

    public void Start(int shards, TimeSpan slotDuration, int slotsPerPeriod, MediaSlotCallback onSlot)
    {
        long slotTicks = (long)(slotDuration.TotalSeconds * Stopwatch.Frequency);
        long origin = Stopwatch.GetTimestamp() + slotTicks;
        for (int i = 0; i < shards; i++)
        {
            int shard = i;
            long start = origin + (slotTicks * shard / shards);
            var thread = new Thread(() => Run(shard, start, slotTicks, slotsPerPeriod, onSlot))
            {
                IsBackground = true,
                Name = $"media-pacer-{shard}",
                Priority = ThreadPriority.AboveNormal,
            };
            _threads.Add(thread);
            thread.Start();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        foreach (var t in _threads)
        {
            t.Join(TimeSpan.FromSeconds(2));
        }

        _stop.Dispose();
    }

    private void Run(int shard, long start, long slotTicks, int slotsPerPeriod, MediaSlotCallback onSlot)
    {
        var token = _stop.Token;
        long slot = 0;
        while (!token.IsCancellationRequested)
        {
            long deadline = start + (slot * slotTicks);
            WaitUntil(deadline, token);
            long behind = (Stopwatch.GetTimestamp() - deadline) / slotTicks;
            if (behind >= slotsPerPeriod)
            {
                long skip = behind - (slotsPerPeriod - 1);
                slot += skip;
                Interlocked.Add(ref _skipped, skip);
                deadline = start + (slot * slotTicks);
            }

            onSlot(shard, slot, deadline);
            slot++;
        }
    }

    private void WaitUntil(long deadline, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            long remaining = deadline - Stopwatch.GetTimestamp();
            if (remaining <= 0)
            {
                return;
            }

            double ms = remaining * 1000.0 / Stopwatch.Frequency;
            if (ms >= 1.0 || !_spin)
            {
                // Sleep whole milliseconds short of the deadline; the remainder is spun (or slept when spinning is off).
                int sleep = _spin ? (int)ms : Math.Max(1, (int)Math.Ceiling(ms));
                token.WaitHandle.WaitOne(sleep);
                if (!_spin)
                {
                    return;
                }
            }
            else
            {
                Thread.SpinWait(20);
            }
        }
    }
}
