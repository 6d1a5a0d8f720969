using VikaIvr.Flows.Digits;
using VikaIvr.Flows.Ports;
using VikaIvr.Sip.Message;
using VikaIvr.Telephony.Calls;

namespace VikaIvr.Telephony.Tests.Calls;

/// <summary>How a prompt ends: the hangup ends it without an exception (the flow then sees Ended), the application's token alone by its exception.</summary>
public sealed partial class CallServiceTests
{
    // Ten seconds: the test's pacer never advances, so it plays until something stops it.
    private static readonly AudioClip LongPrompt = new("long", AudioClipKind.Prompt, new short[80_000]);

    [Fact]
    public async Task A_hangup_during_a_prompt_ends_its_play_without_an_exception()
    {
        var playing = new TaskCompletionSource<Task>(TaskCreationOptions.RunContinuationsAsynchronously);
        _app.Run = async (call, ct) =>
        {
            // The flow interpreter's token: the service's stop or the call's end.
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, call.Ended);
            var play = call.PlayAsync(LongPrompt, bargeIn: true, linked.Token);
            playing.TrySetResult(play);
            await play.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        };

        _sip.Inject(SipHarness.Invite());
        var ok = await _sip.ResponseAsync(200, SipMethods.Invite);
        _sip.Inject(SipHarness.InDialog("ACK", ok.To!.Tag!, 1, "z9hG4bKack"));
        var play = await playing.Task.WaitAsync(Wait);
        Assert.False(play.IsCompleted);

        _sip.Inject(SipHarness.InDialog("BYE", ok.To!.Tag!, 2, "z9hG4bKbye"));

        await play.WaitAsync(Wait).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        Assert.True(play.IsCompletedSuccessfully, play.Exception?.ToString() ?? play.Status.ToString());
        var record = await _records.Saved.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal("caller-hangup", record.EndReason);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_key_stops_only_its_own_prompt_not_the_next_one_queued_before_its_barge_in_ran(bool nextBargesIn)
    {
        var plays = new TaskCompletionSource<(Task First, Func<Task?> Second)>(TaskCreationOptions.RunContinuationsAsynchronously);
        TelephonyCall? telephony = null;
        _app.Run = async (call, ct) =>
        {
            telephony = (TelephonyCall)call;
            Task? second = null;
            // Told of the key before the call's own barge-in: the flow took the key and queued its next
            // prompt (a barge-in one too, or not) before the key's barge-in reached the playback.
            var callsOwn = telephony.Digits.Listener!;
            telephony.Digits.Listener = new Before(callsOwn, () =>
            {
                Assert.True(telephony.Digits.TryTake(out _));
                second ??= call.PlayAsync(LongPrompt, nextBargesIn, ct);
            });
            var first = call.PlayAsync(LongPrompt, bargeIn: true, ct);
            plays.TrySetResult((first, () => second));
            await Task.Delay(Timeout.Infinite, call.Ended).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        };

        _sip.Inject(SipHarness.Invite());
        var ok = await _sip.ResponseAsync(200, SipMethods.Invite);
        _sip.Inject(SipHarness.InDialog("ACK", ok.To!.Tag!, 1, "z9hG4bKack"));
        var (first, second) = await plays.Task.WaitAsync(Wait);
        Assert.False(first.IsCompleted);

        Assert.True(telephony!.Digits.Post('1', DtmfSource.Rfc4733));

        // The key's barge-in has run: the next prompt is queued and still plays (a stop of the whole
        // playback, or of the newest barge-in clip, would have ended it too, at once, in the listener).
        Assert.NotNull(second());
        Assert.True(telephony.Media.IsPlaying);
        await first.WaitAsync(Wait);
        Assert.True(telephony.Media.IsPlaying);
        Assert.False(second()!.IsCompleted);
        if (nextBargesIn)
        {
            // A key pressed while the next prompt plays stops it.
            Assert.True(telephony.Digits.Post('2', DtmfSource.Rfc4733));
            await second()!.WaitAsync(Wait);
            Assert.False(telephony.Session.Ended.IsCancellationRequested, "the key stopped it, not the hangup");
        }

        _sip.Inject(SipHarness.InDialog("BYE", ok.To!.Tag!, 2, "z9hG4bKbye"));
        await second()!.WaitAsync(Wait);
    }

    /// <summary>Runs <paramref name="first"/> before the call's own listener.</summary>
    private sealed class Before(IDigitListener callsOwn, Action first) : IDigitListener
    {
        public void OnDigitAccepted(char digit, long number)
        {
            first();
            callsOwn.OnDigitAccepted(digit, number);
        }
    }
}
