using VikaIvr.Flows.Ports;
using VikaIvr.Media.Codecs;
using VikaIvr.Media.Rtp;
using VikaIvr.Server.Commands.LiveScript;
using VikaIvr.Testing.Scripting;

namespace VikaIvr.Interop.Tests.TestCaller;

/// <summary>Pure tests of the live matcher (they live here because this project references the server).</summary>
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
