using VikaIvr.Media.Dtmf.Events;

namespace VikaIvr.Media.Tests.Events;

public class DtmfEventReceiverTests
{
    private readonly DtmfEventReceiver _receiver = new(TimeSpan.FromMilliseconds(500));
    private readonly List<DtmfEventDigit> _digits = [];

    private void Feed(uint ts, char digit, bool end, ushort duration, long nowMs = 0)
    {
        Assert.True(TelephoneEvent.TryFromDigit(digit, out byte code));
        var payload = new byte[4];
        new TelephoneEvent(code, end, 10, duration).Write(payload);
        Span<DtmfEventDigit> output = stackalloc DtmfEventDigit[2];
        int n = _receiver.Process(ts, payload, nowMs, output);
        for (int i = 0; i < n; i++)
        {
            _digits.Add(output[i]);
        }
    }

    private void FeedEvent(uint ts, char digit, int updates, bool ends = true)
    {
        for (int i = 1; i <= updates; i++)
        {
            Feed(ts, digit, false, (ushort)(i * 160));
        }

        if (ends)
        {
            for (int i = 0; i < 3; i++)
            {
                Feed(ts, digit, true, (ushort)((updates + 1) * 160));
            }
        }
    }

    [Fact]
    public void Normal_event_with_three_end_packets_gives_one_digit_with_duration()
    {
        FeedEvent(1000, '5', 5);
        var d = Assert.Single(_digits);
        Assert.Equal('5', d.Digit);
        Assert.Equal(960, d.DurationSamples);
        Assert.True(d.EndSeen);
        Assert.Equal(TimeSpan.FromMilliseconds(120), d.Duration());
    }

    [Fact]
    public void Lost_start_packets_still_give_the_digit()
    {
        Feed(2000, '7', false, 800);
        Feed(2000, '7', false, 960);
        Feed(2000, '7', true, 1120);
        Assert.Equal('7', Assert.Single(_digits).Digit);
    }

    [Fact]
    public void Only_end_packets_seen_give_one_digit()
    {
        Feed(3000, '#', true, 800);
        Feed(3000, '#', true, 800);
        Feed(3000, '#', true, 800);
        var d = Assert.Single(_digits);
        Assert.Equal('#', d.Digit);
        Assert.Equal(800, d.DurationSamples);
    }

    [Fact]
    public void Same_digit_twice_with_new_timestamp_gives_two_digits()
    {
        FeedEvent(1000, '1', 3);
        FeedEvent(3000, '1', 3);
        Assert.Equal(2, _digits.Count);
        Assert.All(_digits, d => Assert.Equal('1', d.Digit));
    }

    [Fact]
    public void Reordered_packets_after_end_are_ignored()
    {
        Feed(1000, '9', false, 160);
        Feed(1000, '9', true, 640);
        Feed(1000, '9', false, 320);    // arrives late
        Feed(1000, '9', false, 480);
        Feed(1000, '9', true, 640);
        Assert.Equal('9', Assert.Single(_digits).Digit);
        Assert.True(_receiver.IgnoredPackets >= 3);
    }

    [Fact]
    public void Late_packet_of_an_older_event_does_not_make_a_digit()
    {
        FeedEvent(1000, '2', 2);
        FeedEvent(5000, '3', 2);
        Feed(1000, '2', false, 160);
        Assert.Equal("23", new string(_digits.ConvertAll(d => d.Digit).ToArray()));
    }

    [Fact]
    public void Event_without_end_is_closed_by_the_next_event()
    {
        FeedEvent(1000, '4', 3, ends: false);
        Assert.Empty(_digits);
        FeedEvent(4000, '6', 3);
        Assert.Equal(2, _digits.Count);
        Assert.Equal('4', _digits[0].Digit);
        Assert.False(_digits[0].EndSeen);
        Assert.Equal('6', _digits[1].Digit);
    }

    [Fact]
    public void Event_without_end_expires_after_timeout()
    {
        Feed(1000, '8', false, 160, nowMs: 100);
        Assert.False(_receiver.TryExpire(400, out _));
        Assert.True(_receiver.TryExpire(600, out var d));
        Assert.Equal('8', d.Digit);
        Assert.False(_receiver.TryExpire(2000, out _));
        Feed(1000, '8', true, 800, nowMs: 700);   // straggling end of the expired event
        Assert.Empty(_digits);
    }

    [Fact]
    public void Non_dtmf_events_and_short_payloads_are_ignored()
    {
        Span<DtmfEventDigit> output = stackalloc DtmfEventDigit[2];
        Assert.Equal(0, _receiver.Process(1, [66, 0x80, 0, 160], 0, output));   // event 66: not DTMF
        Assert.Equal(0, _receiver.Process(2, [1, 0x80], 0, output));
    }
}
