using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Media.Clock;

namespace VikaIvr.Media.Tests.Clock;

/// <summary>Fine phase slots: small per-slot batches, per-phase buckets, the work probe and lateness per send.</summary>
[Collection(AllocationCollection.Name)]
public class PhaseSlotTests
{
    [Fact]
    public void Default_clock_has_half_millisecond_slots_that_fit_every_ptime()
    {
        var options = new MediaClockOptions();
        Assert.Equal(TimeSpan.FromMilliseconds(0.5), options.SlotDuration);
        var (clock, ticks) = Create(slots: options.SlotsPerPeriod);
        foreach (int ptime in new[] { 10, 20, 30, 40 })
        {
            var reg = clock.Add(new SlotTimes(ticks), TimeSpan.FromMilliseconds(ptime));
            Assert.Equal(TimeSpan.FromMilliseconds(ptime), clock.SlotDuration * reg.IntervalSlots);
        }
    }

    [Fact]
    public void Two_thousand_calls_on_two_pacers_make_batches_of_at_most_fifty()
    {
        var (clock, ticks) = Create(pacers: 2, slots: 20);
        var perSlot = new Dictionary<(int Shard, long Slot), int>();
        var regs = new List<PacerRegistration>();
        for (int i = 0; i < 2000; i++)
        {
            var stream = new SlotLog(ticks, perSlot);
            regs.Add(clock.Add(stream, TimeSpan.FromMilliseconds(20)));
            stream.Shard = regs[^1].Shard;
        }

        ticks.Advance(20);
        Assert.Equal(2000, clock.FramesDue);
        Assert.Equal(clock.PacerCount * 20, perSlot.Count);
        Assert.All(perSlot.Values, n => Assert.Equal(2000 / (clock.PacerCount * 20), n));
    }

    [Fact]
    public void Frames_of_ten_twenty_thirty_and_forty_ms_keep_exact_intervals()
    {
        var (clock, ticks) = Create(slots: 20);
        var streams = new List<(int Ptime, SlotTimes Times)>();
        foreach (int ptime in new[] { 10, 20, 30, 40 })
        {
            var times = new SlotTimes(ticks);
            clock.Add(times, TimeSpan.FromMilliseconds(ptime));
            streams.Add((ptime, times));
        }

        ticks.Advance(20 * 60);   // 1.2 s at 1 ms slots
        foreach (var (ptime, times) in streams)
        {
            Assert.Equal(1200 / ptime, times.Slots.Count);
            for (int i = 1; i < times.Slots.Count; i++)
            {
                Assert.Equal(ptime, times.Slots[i] - times.Slots[i - 1]);
            }
        }
    }

    [Fact]
    public void Changing_ptime_to_one_that_visits_other_phases_moves_the_stream()
    {
        var (clock, ticks) = Create(slots: 20);
        var times = new SlotTimes(ticks);
        var reg = clock.Add(times, TimeSpan.FromMilliseconds(20));
        ticks.Advance(100);
        reg.SetFrameInterval(TimeSpan.FromMilliseconds(30));
        ticks.Advance(300);
        int changedAt = times.Slots.FindIndex(s => s >= 100);
        // The frame already due keeps its slot; every interval after it is 30 slots (phases p and p + 10).
        for (int i = changedAt + 1; i < times.Slots.Count; i++)
        {
            Assert.Equal(30, times.Slots[i] - times.Slots[i - 1]);
        }

        Assert.True(times.Slots.Count - changedAt >= 9, $"only {times.Slots.Count - changedAt} frames after the change");
        Assert.Equal(30, reg.IntervalSlots);
    }

    [Fact]
    public void Probe_points_at_the_next_slot_with_streams_and_reports_an_empty_shard()
    {
        var (clock, ticks) = Create(slots: 20);
        Assert.Equal(long.MaxValue, ticks.NextWork(0, -1));
        var reg = clock.Add(new SlotTimes(ticks), TimeSpan.FromMilliseconds(20));
        Assert.Equal(reg.Phase, ticks.NextWork(0, -1));
        Assert.Equal(20 + reg.Phase, ticks.NextWork(0, reg.Phase));
        Assert.Equal(1, ticks.Wakes);
        reg.Dispose();
        Assert.Equal(long.MaxValue, ticks.NextWork(0, reg.Phase));
        Assert.Equal(0, clock.StreamCount);
    }

    [Fact]
    public void Lateness_is_taken_after_each_send_so_queueing_in_a_slot_counts()
    {
        var (clock, ticks) = Create(slots: 1);
        for (int i = 0; i < 4; i++)
        {
            clock.Add(new SlotTimes(ticks), TimeSpan.FromMilliseconds(20));
        }

        // Each frame's send costs 300 µs of fake time: the four sends leave 0.3, 0.6, 0.9 and 1.2 ms late.
        ticks.TicksPerRead = TimeSpan.FromMicroseconds(300).Ticks;
        ticks.Advance(1);
        var h = clock.GetLateness();
        Assert.Equal(4, h.Count);
        Assert.Equal(650, h.PercentileMicroseconds(50));
        Assert.InRange(h.MaxMicroseconds, 1199, 1201);
    }

    [Fact]
    public void Reset_lateness_starts_a_fresh_window()
    {
        var (clock, ticks) = Create(slots: 20);
        clock.Add(new SlotTimes(ticks), TimeSpan.FromMilliseconds(20));
        ticks.Advance(40);
        Assert.Equal(2, clock.GetLateness().Count);
        clock.ResetLateness();
        Assert.Equal(0, clock.GetLateness().Count);
        ticks.Advance(20);
        Assert.Equal(1, clock.GetLateness().Count);
    }

    [Fact]
    public void Running_slots_allocates_nothing()
    {
        var (clock, ticks) = Create(pacers: 1, slots: 20);
        var streams = new Counter[200];
        for (int i = 0; i < streams.Length; i++)
        {
            streams[i] = new Counter();
            clock.Add(streams[i], TimeSpan.FromMilliseconds(i % 2 == 0 ? 20 : 30));
        }

        ticks.Advance(20 * 10);   // warm up: first sight of each stream, JIT
        AllocationMeter.AssertNone(() => ticks.Advance(20 * 25));
        Assert.Equal(100, streams[0].Frames - 10);
    }

    [Fact]
    public void A_stream_placed_where_another_left_copies_no_bucket_and_is_paced_once_a_frame()
    {
        var (clock, ticks) = Create(pacers: 1, slots: 20);
        var resident = new List<PacerRegistration>();
        for (int i = 0; i < 100; i++)
        {
            resident.Add(clock.Add(new Counter(), TimeSpan.FromMilliseconds(20)));
        }

        // Warm-up: the buckets grow to their peak once.
        for (int i = 0; i < 50; i++)
        {
            clock.Add(new Counter(), TimeSpan.FromMilliseconds(10)).Dispose();
        }

        // A 10 ms stream sits in two buckets; leaving and joining again costs its registration only
        // (a bucket copied per call would cost an array of each bucket's streams).
        var counters = new Counter[8];
        long least = long.MaxValue;
        for (int round = 0; round < 8; round++)
        {
            counters[round] = new Counter();
            long before = GC.GetAllocatedBytesForCurrentThread();
            var registration = clock.Add(counters[round], TimeSpan.FromMilliseconds(10));
            long placed = GC.GetAllocatedBytesForCurrentThread() - before;
            least = Math.Min(least, placed);
            ticks.Advance(20 * 3);
            before = GC.GetAllocatedBytesForCurrentThread();
            registration.Dispose();
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.True(least <= 88, $"placing a stream allocated {least} B");
        Assert.All(counters, c => Assert.Equal(6, c.Frames));
        Assert.Equal(100, clock.StreamCount);
        ticks.Advance(20);
        resident.ForEach(r => r.Dispose());
        Assert.Equal(0, clock.StreamCount);
        Assert.Equal(long.MaxValue, ticks.NextWork(0, 0));
    }

    private static (MediaClock Clock, ManualTickSource Ticks) Create(int pacers = 1, int slots = 20)
    {
        var ticks = new ManualTickSource();
        var clock = new MediaClock(new MediaClockOptions { MaxPacerThreads = pacers, SlotsPerPeriod = slots }, ticks, NullLogger<MediaClock>.Instance);
        clock.Start();
        return (clock, ticks);
    }

    private sealed class Counter : IPacedStream
    {
        public int Frames;

        public void OnFrameDue(long timestamp) => Frames++;
    }

    private sealed class SlotTimes(ManualTickSource ticks) : IPacedStream
    {
        public List<long> Slots { get; } = [];

        public void OnFrameDue(long timestamp) => Slots.Add(ticks.Slot);
    }

    private sealed class SlotLog(ManualTickSource ticks, Dictionary<(int, long), int> perSlot) : IPacedStream
    {
        public int Shard;

        public void OnFrameDue(long timestamp)
        {
            var key = (Shard, ticks.Slot);
            perSlot[key] = perSlot.GetValueOrDefault(key) + 1;
        }
    }
}
