using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Vika;

/// <summary>
/// baresip callers (keys by RFC 4733) take the six participant paths SIPp does not: each by
/// card number, so nothing but the answer plays after the birth date. Besides the call record,
/// the audio baresip received must hold, after the last birth-date key, a stretch of sound of at
/// least 2 s: the synthesized answer. The server sends no RTP while nothing plays (comfort
/// silence is off in config/appsettings.json), so the dump holds only what was played, without
/// the pauses: "after the birth date" is where the growing dump stood when the last key went.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class BaresipParticipantPathTests(VikaServerFixture fixture) : IClassFixture<VikaServerFixture>
{
    private static readonly TimeSpan KeyGap = TimeSpan.FromMilliseconds(200);

    [Theory]
    [InlineData("siti", "status")]
    [InlineData("ni-made", "status")]
    [InlineData("dewi", "status")]
    [InlineData("budi", "bill")]
    [InlineData("agus", "bill")]
    [InlineData("hendra", "bill")]
    public async Task Participant_path_is_answered_with_speech(string participantKey, string pathName)
    {
        var server = fixture.Server;
        var participant = DemoParticipant.Get(participantKey);
        var path = VikaPath.Get(pathName);
        var before = await CdrReader.ReadAsync(server, 50);

        long afterBirthDate;
        string? received;
        string phoneLog;
        await using (var phone = await BaresipClient.StartAsync(TimeSpan.FromSeconds(60)))
        {
            await phone.DialAsync($"sip:165@127.0.0.1:{server.SipPort}", TimeSpan.FromSeconds(10));
            await Task.Delay(300);
            await phone.SendDigitsAsync(path.Keys(participant, byCard: true), KeyGap);
            afterBirthDate = SamplesWritten(phone.ReceivedAudioPath());

            // The answer takes well under a second to start; 6 s of it is plenty to measure.
            await Task.Delay(TimeSpan.FromSeconds(6));
            await phone.HangupAsync(TimeSpan.FromSeconds(10));
            received = phone.ReceivedAudioPath();
            phoneLog = phone.Describe();
        }

        var record = await CdrReader.WaitForAsync(server, r => before.All(b => b.CallId != r.CallId), TimeSpan.FromSeconds(10));
        ParticipantPathChecks.Answered(record, participant, path);
        Assert.Contains("rfc4733", record.DtmfMethods);

        Assert.True(received is not null, "sndfile wrote no decoded-audio dump\n" + phoneLog);
        var (heard, rate) = WavFile.Read(received!);
        Assert.Equal(8000, rate);
        var from = (int)afterBirthDate;
        var segments = SpeechActivity.Segments(heard, rate, from);
        var described = $"heard {heard.Length / (double)rate:0.0} s, birth date done at {afterBirthDate / (double)rate:0.0} s; segments after it: " +
            string.Join(", ", segments.Select(s => $"{s.StartTime(rate).TotalSeconds:0.0}+{s.Duration(rate).TotalSeconds:0.0}s"));
        Assert.True(segments.Count > 0, described);
        var answer = segments[0];
        // Only the answer plays after the birth date: it starts soon and lasts a sentence.
        Assert.True((answer.Start - from) / (double)rate < 3, "the answer started late: " + described);
        Assert.True(answer.Duration(rate) >= TimeSpan.FromSeconds(2), "no 2 s of speech after the birth date: " + described);
    }

    /// <summary>Samples sndfile has written so far (16-bit mono after a 44-byte header; the header's sizes come only at close).</summary>
    private static long SamplesWritten(string? dump) =>
        dump is null ? 0 : Math.Max(0, (new FileInfo(dump).Length - 44) / 2);
}
