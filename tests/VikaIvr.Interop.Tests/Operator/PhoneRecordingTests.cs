using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Session;
using VikaIvr.Speech.Prompts;
using VikaIvr.Speech.Text;
using Caller = VikaIvr.Testing.Caller;

namespace VikaIvr.Interop.Tests.Operator;

/// <summary>
/// Issue 5, must-show 3: an operator records `welcome` by phone with the test caller (a 440 Hz
/// tone stands for the voice), saves it, and the next call to 165 hears the new version without
/// a restart; the old version is kept in history.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class PhoneRecordingTests(OperatorServerFixture fixture) : IClassFixture<OperatorServerFixture>
{

    [Fact]
    public async Task A_recording_saved_by_phone_is_what_the_next_caller_hears()
    {
        var server = fixture.Server;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ct = timeout.Token;
        string welcomeWav = Path.Combine(fixture.PromptsDir, "id", "welcome.wav");
        double before = ToneShare.Of(WavFile.Read(welcomeWav).Samples);
        Assert.True(before < 0.3, $"the shipped welcome is not a 440 Hz tone (share {before:0.00})");

        await using (var op = await Caller.TestCaller.DialAsync($"sip:{OperatorServerFixture.Number}@127.0.0.1:{server.SipPort}",
                         new Caller.TestCallerOptions { FromUser = "0811000001" }, ct: ct))
        {
            Assert.True(op.IsEstablished, server.Output);
            await Task.Delay(500, ct);
            // PIN and prompt number 1 (welcome), typed ahead over the prompts.
            await op.SendDigitsAsync(OperatorServerFixture.Pin + "#1#", TimeSpan.FromMilliseconds(120), ct);

            // Speak (a tone) through the instructions, the beep and three seconds of recording, then '#'.
            using var speaking = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var tone = EncodedAudio.Encode(ToneShare.Tone(20 * 8000), op.Negotiated!.Codec);
            var playing = op.Media!.Play(tone, speaking.Token);
            await Task.Delay(Seconds("rec-start") + Seconds("beep") + TimeSpan.FromSeconds(3), ct);
            speaking.Cancel();
            try { await playing; } catch (OperationCanceledException) { }
            await op.SendDigitsAsync("#", TimeSpan.Zero, ct);

            // The review menu: 2 saves.
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            await op.SendDigitsAsync("2", TimeSpan.Zero, ct);
            await Task.Delay(Seconds("rec-saved") + TimeSpan.FromSeconds(1), ct);
            await op.HangupAsync(ct);
        }

        var library = new PromptLibrary(fixture.PromptsDir, null, new IndonesianNormalizer(), TimeProvider.System, NullLogger<PromptLibrary>.Instance);
        var info = library.Describe("welcome");
        Assert.True(info.Status == PromptStatus.Recorded, $"welcome is {info.Status}\n{server.Output}");
        Assert.NotEmpty(Directory.GetFiles(library.HistoryDirectory("welcome")));
        var saved = WavFile.Read(welcomeWav).Samples;
        Assert.InRange(saved.Length / 8000.0, 2.0, 4.5);
        Assert.True(ToneShare.Of(saved) > 0.6, $"the saved welcome is not the tone (share {ToneShare.Of(saved):0.00})");

        // The running server notices the new version (its store checks at most once a second).
        await Task.Delay(TimeSpan.FromSeconds(1.5), ct);
        await using var next = await Caller.TestCaller.DialAsync($"sip:165@127.0.0.1:{server.SipPort}", new Caller.TestCallerOptions(), ct: ct);
        Assert.True(next.IsEstablished, server.Output);
        await Task.Delay(TimeSpan.FromSeconds(2.5), ct);
        var heard = next.Received.Snapshot();
        await next.HangupAsync(ct);
        Assert.True(heard.Length > 8000, "the second call heard nothing");
        double share = ToneShare.Of(heard.AsSpan(800, Math.Min(heard.Length - 800, 12000)));
        Assert.True(share > 0.6, $"the next caller did not hear the new welcome (440 Hz share {share:0.00})\n{server.Output}");
    }

    private TimeSpan Seconds(string promptId)
    {
        var (samples, rate) = WavFile.Read(Path.Combine(fixture.PromptsDir, "id", promptId + ".wav"));
        return TimeSpan.FromSeconds(samples.Length / (double)rate);
    }
}
