using Microsoft.Extensions.Time.Testing;
using VikaIvr.Flows.Digits;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Flows.Tests.Digits;

public class DigitQueueTests
{
    [Fact]
    public void Same_digit_from_another_source_at_once_is_one_digit()
    {
        var time = new FakeTimeProvider();
        var q = new DigitQueue(time);
        Assert.True(q.Post('5', DtmfSource.Rfc4733));
        time.Advance(TimeSpan.FromMilliseconds(30));
        Assert.False(q.Post('5', DtmfSource.InBand));
        Assert.True(q.TryTake(out char d));
        Assert.Equal('5', d);
        Assert.False(q.TryTake(out _));
    }

    [Fact]
    public void Same_digit_again_from_the_same_source_is_a_new_key_press()
    {
        var time = new FakeTimeProvider();
        var q = new DigitQueue(time);
        Assert.True(q.Post('1', DtmfSource.Rfc4733));
        time.Advance(TimeSpan.FromMilliseconds(10));
        Assert.True(q.Post('1', DtmfSource.Rfc4733));
        Assert.Equal([DtmfSource.Rfc4733], q.SourcesSeen);
    }

    [Fact]
    public void Same_digit_from_another_source_later_is_kept()
    {
        var time = new FakeTimeProvider();
        var q = new DigitQueue(time);
        q.Post('1', DtmfSource.SipInfo);
        time.Advance(TimeSpan.FromMilliseconds(400));
        Assert.True(q.Post('1', DtmfSource.InBand));
        Assert.Equal(2, q.SourcesSeen.Count);
    }

    [Fact]
    public void Non_keys_are_refused()
    {
        var q = new DigitQueue(new FakeTimeProvider());
        Assert.False(q.Post('x', DtmfSource.SipInfo));
        Assert.False(q.HasPending);
    }

    [Fact]
    public async Task Collect_stops_at_max_digits_and_keeps_type_ahead()
    {
        var time = new FakeTimeProvider();
        var q = new DigitQueue(time);
        foreach (char c in "12345") q.Post(c, DtmfSource.Rfc4733);
        var r = await DigitCollector.CollectAsync(q, new DigitOptions { MinDigits = 1, MaxDigits = 3 }, CancellationToken.None);
        Assert.Equal("123", r.Digits);
        Assert.Equal(DigitTermination.MaxDigits, r.Termination);
        Assert.True(q.TryTake(out char next));
        Assert.Equal('4', next);
    }

    [Fact]
    public async Task Collect_ends_on_terminator_without_it()
    {
        var q = new DigitQueue(new FakeTimeProvider());
        foreach (char c in "42#") q.Post(c, DtmfSource.SipInfo);
        var r = await DigitCollector.CollectAsync(q, new DigitOptions { MaxDigits = 16, Terminators = "#" }, CancellationToken.None);
        Assert.Equal("42", r.Digits);
        Assert.Equal(DigitTermination.Terminator, r.Termination);
    }

    [Fact]
    public async Task Leading_terminator_is_absorbed_when_asked()
    {
        var q = new DigitQueue(new FakeTimeProvider());
        foreach (char c in "#17#") q.Post(c, DtmfSource.Rfc4733);
        var r = await DigitCollector.CollectAsync(q, new DigitOptions { MaxDigits = 8, Terminators = "#", DiscardLeadingTerminator = true }, CancellationToken.None);
        Assert.Equal("17", r.Digits);
    }

    [Fact]
    public async Task No_key_before_first_timeout_is_no_input_on_the_injected_clock()
    {
        var time = new FakeTimeProvider();
        var q = new DigitQueue(time);
        var task = DigitCollector.CollectAsync(q, new DigitOptions { FirstDigitTimeout = TimeSpan.FromSeconds(10) }, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(task.IsCompleted); // timers and keys move the entry synchronously: nothing to wait for
        time.Advance(TimeSpan.FromSeconds(1.5));
        var r = await task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(DigitTermination.NoInput, r.Termination);
    }

    [Fact]
    public async Task Inter_digit_timeout_returns_what_was_typed()
    {
        var time = new FakeTimeProvider();
        var q = new DigitQueue(time);
        q.Post('9', DtmfSource.Rfc4733);
        var task = DigitCollector.CollectAsync(q, new DigitOptions { MaxDigits = 16, InterDigitTimeout = TimeSpan.FromSeconds(5) }, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(6));
        var r = await task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("9", r.Digits);
        Assert.Equal(DigitTermination.InterDigitTimeout, r.Termination);
    }

    [Fact]
    public async Task Hangup_ends_collection()
    {
        var q = new DigitQueue(new FakeTimeProvider());
        using var cts = new CancellationTokenSource();
        var task = DigitCollector.CollectAsync(q, new DigitOptions(), cts.Token);
        cts.Cancel();
        var r = await task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(DigitTermination.Hangup, r.Termination);
    }

    [Fact]
    public void Absorbed_key_within_the_window_is_dropped_without_barging_in()
    {
        var time = new FakeTimeProvider();
        var q = new DigitQueue(time);
        int accepted = 0;
        q.Listener = new CountingListener(() => accepted++);
        q.AbsorbNext('#', TimeSpan.FromSeconds(3));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(q.Post('#', DtmfSource.Rfc4733));
        Assert.Equal(0, accepted);
        Assert.Equal(0, q.AcceptedCount);
        Assert.True(q.Post('#', DtmfSource.Rfc4733));
        Assert.Equal(1, accepted);
        Assert.Equal(1, q.AcceptedCount);
    }

    [Fact]
    public void Absorb_drops_an_already_queued_terminator_but_keeps_other_keys()
    {
        var time = new FakeTimeProvider();
        var q = new DigitQueue(time);
        q.Post('#', DtmfSource.SipInfo);
        q.AbsorbNext('#', TimeSpan.FromSeconds(3));
        Assert.False(q.HasPending);

        q.Post('1', DtmfSource.SipInfo);
        q.AbsorbNext('#', TimeSpan.FromSeconds(3));
        Assert.True(q.TryTake(out char d));
        Assert.Equal('1', d);
    }

    [Fact]
    public void Absorb_expires_and_another_key_cancels_it()
    {
        var time = new FakeTimeProvider();
        var q = new DigitQueue(time);
        q.AbsorbNext('#', TimeSpan.FromSeconds(3));
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.True(q.Post('#', DtmfSource.Rfc4733));

        q.AbsorbNext('#', TimeSpan.FromSeconds(3));
        Assert.True(q.Post('5', DtmfSource.Rfc4733));
        Assert.True(q.Post('#', DtmfSource.Rfc4733));
    }

    private sealed class CountingListener(Action onAccepted) : IDigitListener
    {
        public void OnDigitAccepted(char digit, long number) => onAccepted();
    }
}
