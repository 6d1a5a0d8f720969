using VikaIvr.Flows.Ports;
using VikaIvr.Media.Codecs;
using VikaIvr.Media.Rtp;
using VikaIvr.Testing.Caller;
using VikaIvr.Testing.Scripting;

namespace VikaIvr.Testing.Tests.Scripting;

/// <summary>
/// A prompt cut by a key and the next prompt starting at once, as the caller receives them (20 ms
/// packets). The live LiveScriptTests run that heard main-menu cut after 0.72 s took vika-menu for
/// "speech": main-menu's sample at that packet boundary decodes to 164, the same as vika-menu's first
/// sample, so the cut was placed one sample late and vika-menu was looked for from its second sample.
/// </summary>
public sealed class HeardEventScannerCutTests
{
    private const int Frame = 160;
    private const int CutFrames = 36;

    [Fact]
    public void The_next_prompt_is_found_when_it_begins_with_the_cut_prompts_next_sample()
    {
        var (first, second) = PromptsThatCollideAtTheCut();
        var received = Receive([.. Heard(first).Take(CutFrames * Frame), .. Heard(second)]);
        Assert.Equal(Heard(first)[CutFrames * Frame], Heard(second)[0]);

        var scanner = new HeardEventScanner(new PromptAudioIndex([first, second], RtpAudioCodec.Pcmu)) { PacketStartOf = received.PacketStartOf };
        var events = Scan(scanner, received.Snapshot());

        Assert.Equal(["prompt main-menu", "prompt vika-menu"], events.Select(e => e.Describe()));
        Assert.True(events[0].Cut);
        Assert.Equal(CutFrames * Frame, events[0].End);
        Assert.Equal(CutFrames * Frame, events[1].Start);
        Assert.False(events[1].Cut);
    }

    [Fact]
    public void A_cut_at_a_packet_boundary_without_a_collision_stays_where_the_samples_differ()
    {
        var (first, _) = PromptsThatCollideAtTheCut();
        var other = Prompt("vika-menu", 880, 7000, null);
        var received = Receive([.. Heard(first).Take(20 * Frame), .. Heard(other)]);

        var scanner = new HeardEventScanner(new PromptAudioIndex([first, other], RtpAudioCodec.Pcmu)) { PacketStartOf = received.PacketStartOf };
        var events = Scan(scanner, received.Snapshot());

        Assert.Equal(["prompt main-menu", "prompt vika-menu"], events.Select(e => e.Describe()));
        Assert.Equal(20 * Frame, events[0].End);
    }

    [Fact]
    public void Received_audio_knows_where_each_packet_starts()
    {
        var received = Receive(new short[3 * Frame]);

        Assert.Equal(0, received.PacketStartOf(0));
        Assert.Equal(Frame, received.PacketStartOf(Frame));
        Assert.Equal(Frame, received.PacketStartOf(Frame + 37));
        Assert.Equal(2 * Frame, received.PacketStartOf(5 * Frame));
    }

    /// <summary>Two loud prompts (no leading silence, as the shipped menus): the second's first sample is
    /// the first's sample at the cut, the rest differs.</summary>
    private static (AudioClip First, AudioClip Second) PromptsThatCollideAtTheCut()
    {
        var first = Prompt("main-menu", 440, 12000, null);
        return (first, Prompt("vika-menu", 660, 12000, first.Samples.Span[CutFrames * Frame]));
    }

    private static AudioClip Prompt(string id, double hz, int samples, short? firstSample)
    {
        var pcm = new short[samples];
        for (int i = 0; i < samples; i++) pcm[i] = (short)(1500 + 6000 * Math.Sin(2 * Math.PI * hz * (i + 1) / 8000));
        if (firstSample is { } s) pcm[0] = s;
        return new AudioClip(id, AudioClipKind.Prompt, pcm);
    }

    private static ReceivedAudio Receive(short[] stream)
    {
        var received = new ReceivedAudio();
        for (int at = 0; at < stream.Length; at += Frame)
        {
            received.OnAudio(stream.AsSpan(at, Math.Min(Frame, stream.Length - at)), default);
        }

        return received;
    }

    private static List<HeardEvent> Scan(HeardEventScanner scanner, short[] samples)
    {
        var events = new List<HeardEvent>();
        int cursor = 0;
        while (scanner.Next(samples, cursor, final: true, out _) is { } ev)
        {
            events.Add(ev);
            cursor = ev.End;
        }

        return events;
    }

    private static short[] Heard(AudioClip clip)
    {
        var encoded = new byte[clip.Samples.Length];
        var decoded = new short[encoded.Length];
        G711.EncodeMuLaw(clip.Samples.Span, encoded);
        G711.DecodeMuLaw(encoded, decoded);
        return decoded;
    }
}
