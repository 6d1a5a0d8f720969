using VikaIvr.Flows.Ports;
using VikaIvr.Media.Codecs;
using VikaIvr.Media.Rtp;
using VikaIvr.Testing.Scripting;

namespace VikaIvr.Testing.Tests.Scripting;

/// <summary>Pure tests of the live matcher of `simulate --target`.</summary>
public sealed class HeardEventScannerTests
{
    private static readonly AudioClip Welcome = Tone("welcome", 440, 8000);
    private static readonly AudioClip Menu = Tone("main-menu", 660, 16000);

    [Theory]
    [InlineData(RtpAudioCodec.Pcmu)]
    [InlineData(RtpAudioCodec.Pcma)]
    public void Prompts_speech_and_a_cut_prompt_are_found_in_order(RtpAudioCodec codec)
    {
        var scanner = new HeardEventScanner(new PromptAudioIndex([Welcome, Menu], codec));
        var stream = new List<short>();
        stream.AddRange(new short[1600]);
        stream.AddRange(Heard(Welcome, codec));
        stream.AddRange(new short[800]);
        stream.AddRange(Heard(Tone("speech", 523, 4000), codec));
        stream.AddRange(new short[400]);
        stream.AddRange(Heard(Menu, codec).Take(3000));   // barge-in after 375 ms
        stream.AddRange(new short[800]);
        var samples = stream.ToArray();

        var events = new List<HeardEvent>();
        int cursor = 0;
        while (scanner.Next(samples, cursor, final: true, out _) is { } ev)
        {
            events.Add(ev);
            cursor = ev.End;
        }

        Assert.Equal(["prompt welcome", "speech", "prompt main-menu"], events.Select(e => e.Describe()));
        Assert.False(events[0].Cut);
        Assert.InRange(events[1].Duration.TotalSeconds, 0.45, 0.5);
        Assert.True(events[2].Cut);
    }

    [Fact]
    public void A_prompt_still_playing_is_recognised_by_its_beginning_only_when_asked()
    {
        var scanner = new HeardEventScanner(new PromptAudioIndex([Menu], RtpAudioCodec.Pcmu));
        var partial = Heard(Menu, RtpAudioCodec.Pcmu).Take(6000).ToArray();

        Assert.Null(scanner.Next(partial, 0, final: false, out bool started));
        Assert.True(started);
        var ev = scanner.Next(partial, 0, final: false, inProgress: true, out _);
        Assert.NotNull(ev);
        Assert.True(ev.InProgress);
        Assert.Equal("main-menu", ev.PromptId);
    }

    [Fact]
    public void A_prompt_that_starts_loud_right_after_other_audio_is_found()
    {
        // A menu whose first sample is already loud, played straight after a recording that ends loud:
        // no silence marks where the prompt begins.
        var menu = Loud("rec-review-menu", 330, 8000);
        var scanner = new HeardEventScanner(new PromptAudioIndex([menu], RtpAudioCodec.Pcmu));
        var stream = new List<short>(new short[800]);
        stream.AddRange(Heard(Loud("playback", 523, 4000), RtpAudioCodec.Pcmu));
        stream.AddRange(Heard(menu, RtpAudioCodec.Pcmu));
        stream.AddRange(new short[800]);
        var samples = stream.ToArray();

        var playback = scanner.Next(samples, 0, final: true, out _);
        Assert.NotNull(playback);
        Assert.Equal(HeardEventKind.Speech, playback.Kind);
        Assert.Equal(0.5, playback.Duration.TotalSeconds, 3);
        var next = scanner.Next(samples, playback.End, final: true, out _);
        Assert.NotNull(next);
        Assert.Equal("prompt rec-review-menu", next.Describe());
        Assert.False(next.Cut);
    }

    private static AudioClip Loud(string id, double hz, int samples)
    {
        var pcm = new short[samples];
        for (int i = 0; i < samples; i++) pcm[i] = (short)(3000 + 2000 * Math.Sin(2 * Math.PI * hz * i / 8000));
        return new AudioClip(id, AudioClipKind.Prompt, pcm);
    }

    private static AudioClip Tone(string id, double hz, int samples)
    {
        var pcm = new short[samples];
        for (int i = 0; i < samples; i++) pcm[i] = (short)(8000 * Math.Sin(2 * Math.PI * hz * i / 8000));
        return new AudioClip(id, AudioClipKind.Prompt, pcm);
    }

    /// <summary>What a caller decodes from the server's G.711 encoding of the clip.</summary>
    private static short[] Heard(AudioClip clip, RtpAudioCodec codec)
    {
        var encoded = new byte[clip.Samples.Length];
        var decoded = new short[encoded.Length];
        if (codec == RtpAudioCodec.Pcma)
        {
            G711.EncodeALaw(clip.Samples.Span, encoded);
            G711.DecodeALaw(encoded, decoded);
        }
        else
        {
            G711.EncodeMuLaw(clip.Samples.Span, encoded);
            G711.DecodeMuLaw(encoded, decoded);
        }

        return decoded;
    }
}
