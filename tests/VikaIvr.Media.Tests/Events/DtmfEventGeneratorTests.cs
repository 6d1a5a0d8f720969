using VikaIvr.Media.Dtmf.Events;

namespace VikaIvr.Media.Tests.Events;

public class DtmfEventGeneratorTests
{
    [Fact]
    public void Generates_growing_durations_marker_first_and_three_ends()
    {
        var gen = new DtmfEventGenerator();
        gen.Start('*', 800, 160);
        var packets = new List<(TelephoneEvent Ev, bool Marker)>();
        while (gen.TryNext(out var ev, out bool marker))
        {
            packets.Add((ev, marker));
        }

        Assert.Equal(7, packets.Count);
        Assert.True(packets[0].Marker);
        Assert.All(packets.Skip(1), p => Assert.False(p.Marker));
        Assert.Equal([160, 320, 480, 640, 800, 800, 800], packets.ConvertAll(p => (int)p.Ev.Duration));
        Assert.Equal(3, packets.Count(p => p.Ev.End));
        Assert.All(packets, p => Assert.Equal(10, p.Ev.Event));
        Assert.False(gen.IsActive);
    }

    [Fact]
    public void Generated_event_is_received_as_exactly_one_digit()
    {
        var gen = new DtmfEventGenerator();
        var receiver = new DtmfEventReceiver();
        var digits = new List<DtmfEventDigit>();
        Span<DtmfEventDigit> output = stackalloc DtmfEventDigit[2];
        var payload = new byte[4];
        foreach (char c in "0123456789*#ABCD")
        {
            gen.Start(c, 1000, 160);
            uint ts = (uint)(digits.Count * 4000);
            while (gen.TryNext(out var ev, out _))
            {
                ev.Write(payload);
                int n = receiver.Process(ts, payload, 0, output);
                for (int i = 0; i < n; i++)
                {
                    digits.Add(output[i]);
                }
            }
        }

        Assert.Equal("0123456789*#ABCD", new string(digits.ConvertAll(d => d.Digit).ToArray()));
        Assert.All(digits, d => Assert.Equal(1000, d.DurationSamples));
    }

    [Fact]
    public void Rejects_non_digits()
    {
        Assert.Throws<ArgumentException>(() => new DtmfEventGenerator().Start('x', 800, 160));
    }
}
