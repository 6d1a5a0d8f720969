using System.Diagnostics;

namespace VikaIvr.Media.Clock;

/// <summary>
/// Real pacers: one thread per shard, each sleeping to absolute Stopwatch deadlines
/// (start + n × slot), so errors never accumulate into drift. A pacer wakes only for slots
/// where its shard has streams, and blocks without a timeout while it has none, so an idle
/// clock costs nothing. On Linux the last stretch is a microsecond sleep (no spinning); elsewhere
/// the last millisecond before a slot with work is spun. After a stall the pacer catches up at
/// most one period of slots (at most one extra frame per stream) and drops the rest. Shards are
/// offset within a slot so pacers do not wake together.
/// </summary>
public sealed class StopwatchTickSource : IMediaTickSource
{
    private static readonly long CoarseWaitThreshold = Stopwatch.Frequency * 2 / 1000;

    private readonly bool _spin;
    private readonly bool _fineSleep;
    private readonly PacerThreadPriority _priority;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Thread> _threads = [];
    private readonly long _spinTicks;
    private AutoResetEvent[] _wake = [];
    private PacerThreadPriority[] _granted = [];
    private long _skipped;

    public StopwatchTickSource()
        : this(new MediaClockOptions())
    {
    }

    public StopwatchTickSource(bool spinBeforeDeadline)
        : this(new MediaClockOptions { SpinBeforeDeadline = spinBeforeDeadline })
    {
    }

    public StopwatchTickSource(MediaClockOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _spin = options.SpinBeforeDeadline;
        _priority = options.PacerPriority;
        _fineSleep = LinuxPacerThread.IsSupported;
        _spinTicks = _fineSleep ? Stopwatch.Frequency / 20_000 : Stopwatch.Frequency / 1000;
    }

    public long Frequency => Stopwatch.Frequency;

    public long SkippedSlots => Interlocked.Read(ref _skipped);

    /// <summary>The priority each pacer thread actually got (Normal until it started).</summary>
    public IReadOnlyList<PacerThreadPriority> GrantedPriorities => _granted;

    public long GetTimestamp() => Stopwatch.GetTimestamp();

    public void Start(int shards, TimeSpan slotDuration, int slotsPerPeriod, MediaSlotCallback onSlot, MediaWorkProbe nextWork)
    {
        long slotTicks = (long)(slotDuration.TotalSeconds * Stopwatch.Frequency);
        long origin = Stopwatch.GetTimestamp() + slotTicks;
        _wake = new AutoResetEvent[shards];
        _granted = new PacerThreadPriority[shards];
        for (int i = 0; i < shards; i++)
        {
            _wake[i] = new AutoResetEvent(false);
        }

        for (int i = 0; i < shards; i++)
        {
            var pacer = new Pacer(this, i, origin + (slotTicks * i / shards), slotTicks, slotsPerPeriod, onSlot, nextWork);
            var thread = new Thread(pacer.Run)
            {
                IsBackground = true,
                Name = $"media-pacer-{i}",
                Priority = _priority == PacerThreadPriority.Normal ? ThreadPriority.Normal : ThreadPriority.AboveNormal,
            };
            _threads.Add(thread);
            thread.Start();
        }
    }

    public void Wake(int shard)
    {
        var wake = _wake;
        if ((uint)shard < (uint)wake.Length)
        {
            wake[shard].Set();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        foreach (var w in _wake)
        {
            w.Set();
        }

        foreach (var t in _threads)
        {
            t.Join(TimeSpan.FromSeconds(2));
        }

        foreach (var w in _wake)
        {
            w.Dispose();
        }

        _stop.Dispose();
    }

    private sealed class Pacer(StopwatchTickSource owner, int shard, long start, long slotTicks, int slotsPerPeriod, MediaSlotCallback onSlot, MediaWorkProbe nextWork)
    {
        private readonly AutoResetEvent _wake = owner._wake[shard];
        private readonly CancellationToken _token = owner._stop.Token;

        // Within this of a deadline the pacer sleeps once, to the microsecond, instead of waiting on
        // its wake handle first: with slots longer than 2 ms that halves the wake-ups of a busy
        // pacer. A stream added meanwhile waits at most this long for its first frame.
        private readonly long _fineHorizon = owner._fineSleep ? Math.Max(CoarseWaitThreshold, slotTicks * 3 / 2) : CoarseWaitThreshold;

        public void Run()
        {
            if (owner._fineSleep)
            {
                LinuxPacerThread.UseFineTimerSlack();
                owner._granted[shard] = owner._priority == PacerThreadPriority.Normal
                    ? PacerThreadPriority.Normal
                    : LinuxPacerThread.Raise(owner._priority);
            }
            else
            {
                owner._granted[shard] = owner._priority == PacerThreadPriority.Normal ? PacerThreadPriority.Normal : PacerThreadPriority.High;
            }

            // Slot numbers start at 0 (the first deadline is one slot after Start).
            long last = Math.Max(-1, CurrentSlot() - 1);
            while (!_token.IsCancellationRequested)
            {
                long target = nextWork(shard, last);
                if (target == long.MaxValue)
                {
                    // No streams: block until one is added (or the clock stops), then plan from now.
                    _wake.WaitOne();
                    last = Math.Max(last, CurrentSlot());
                    continue;
                }

                long current = CurrentSlot();
                if (target <= current - slotsPerPeriod)
                {
                    // Stalled for more than a period: drop the old slots, keep at most one period to catch up.
                    long resume = current - slotsPerPeriod;
                    Interlocked.Add(ref owner._skipped, resume - target + 1);
                    last = resume;
                    continue;
                }

                long deadline = start + (target * slotTicks);
                if (!WaitUntil(deadline))
                {
                    // Woken: a stream joined and may be due sooner. Plan again, from now on only.
                    last = Math.Max(last, CurrentSlot());
                    continue;
                }

                onSlot(shard, target, deadline);
                last = target;
            }
        }

        /// <summary>The latest slot whose deadline has passed.</summary>
        private long CurrentSlot() => (long)Math.Floor((Stopwatch.GetTimestamp() - start) / (double)slotTicks);

        /// <summary>True at the deadline; false when woken or stopped before it.</summary>
        private bool WaitUntil(long deadline)
        {
            while (!_token.IsCancellationRequested)
            {
                long remaining = deadline - Stopwatch.GetTimestamp();
                if (remaining <= 0)
                {
                    return true;
                }

                if (remaining > _fineHorizon)
                {
                    // Interruptible and whole milliseconds: stop short, within the fine horizon.
                    int ms = (int)((remaining - _fineHorizon) * 1000 / Stopwatch.Frequency) + 1;
                    if (_wake.WaitOne(ms))
                    {
                        return false;
                    }
                }
                else if (owner._fineSleep)
                {
                    long sleep = owner._spin ? remaining - owner._spinTicks : remaining;
                    if (sleep > 0)
                    {
                        LinuxPacerThread.Sleep(sleep * 1_000_000_000 / Stopwatch.Frequency);
                    }
                    else
                    {
                        Thread.SpinWait(20);
                    }
                }
                else if (remaining > owner._spinTicks)
                {
                    if (_wake.WaitOne(1))
                    {
                        return false;
                    }
                }
                else
                {
                    Thread.SpinWait(20);
                }
            }

            return false;
        }
    }
}
