using VikaIvr.Media.Dtmf.InBand;

namespace VikaIvr.Media.Tests.InBand;

[Collection(AllocationCollection.Name)]
public sealed class InBandDtmfStreamingTests
{
    private static List<InBandDtmfEvent> Run(short[] samples, int frame)
    {
        var detector = new InBandDtmfDetector();
        var events = new List<InBandDtmfEvent>();
        for (var offset = 0; offset < samples.Length; offset += frame)
        {
            detector.Process(samples.AsSpan(offset, Math.Min(frame, samples.Length - offset)));
            while (detector.TryRead(out var e))
            {
                events.Add(e);
            }
        }

        return events;
    }

    [Fact]
    public void Start_and_end_events_carry_times_close_to_the_tone()
    {
        // Tone from 100 ms to 180 ms.
        var samples = new DtmfSignals().Silence(100).Tone('#', 80).Silence(100).Build();

        var events = Run(samples, 160);

        Assert.Equal(2, events.Count);
        Assert.Equal(new[] { InBandDtmfEventKind.Start, InBandDtmfEventKind.End }, [events[0].Kind, events[1].Kind]);
        Assert.All(events, e => Assert.Equal('#', e.Digit));
        Assert.InRange(events[1].StartTime.TotalMilliseconds, 100 - 1, 100 + 13);
        Assert.InRange(events[1].EndTime.TotalMilliseconds, 180 - 13, 180 + 1);
        Assert.InRange(events[1].Duration.TotalMilliseconds, 80 - 26, 80);
        Assert.Equal(events[0].StartSample, events[1].StartSample);
    }

    [Fact]
    public void Frame_size_does_not_change_the_result()
    {
        var samples = DtmfToneGenerator.GenerateSequence("159#", TimeSpan.FromMilliseconds(70), TimeSpan.FromMilliseconds(50));
        var reference = Run(samples, 160);
        Assert.Equal(8, reference.Count);

        foreach (var frame in new[] { 1, 7, 80, 102, 333, samples.Length })
        {
            Assert.Equal(reference, Run(samples, frame));
        }
    }

    [Fact]
    public void Finish_ends_a_digit_still_sounding()
    {
        var detector = new InBandDtmfDetector();
        detector.Process(DtmfToneGenerator.Generate('C', TimeSpan.FromMilliseconds(100)));
        Assert.True(detector.TryRead(out var start));
        Assert.Equal(InBandDtmfEventKind.Start, start.Kind);
        Assert.Equal('C', detector.CurrentDigit);

        detector.Finish();

        Assert.True(detector.TryRead(out var end));
        Assert.Equal(InBandDtmfEventKind.End, end.Kind);
        Assert.Null(detector.CurrentDigit);
        Assert.False(detector.TryRead(out _));
    }

    [Fact]
    public void Processing_frames_allocates_nothing()
    {
        var samples = DtmfToneGenerator.GenerateSequence("123", TimeSpan.FromMilliseconds(60), TimeSpan.FromMilliseconds(60));
        // A full pass first, so JIT work for every path is done before measuring.
        Run(samples, 160);
        var detector = new InBandDtmfDetector();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var offset = 0; offset + 160 <= samples.Length; offset += 160)
        {
            detector.Process(samples.AsSpan(offset, 160));
            while (detector.TryRead(out _))
            {
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Unread_events_are_bounded_and_counted()
    {
        var samples = DtmfToneGenerator.GenerateSequence("1234567890", TimeSpan.FromMilliseconds(60), TimeSpan.FromMilliseconds(60));
        var detector = new InBandDtmfDetector();
        detector.Process(samples);

        var count = 0;
        while (detector.TryRead(out _))
        {
            count++;
        }

        Assert.Equal(16, count);
        Assert.Equal(4, detector.DroppedEvents);
    }
}
