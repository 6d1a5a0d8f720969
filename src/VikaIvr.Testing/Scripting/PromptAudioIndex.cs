using VikaIvr.Flows.Ports;
using VikaIvr.Media.Codecs;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Session;

namespace VikaIvr.Testing.Scripting;

/// <summary>
/// The prompts as the caller hears them: each prompt's PCM through the negotiated G.711 codec and
/// back (exactly what the server's encoding decodes to), keyed by its first audible samples so a
/// position in the received stream is matched against every prompt with one lookup.
/// </summary>
public sealed class PromptAudioIndex
{
    /// <summary>Samples at or below this magnitude count as silence (G.711 silence codes decode to 0 or ±8).</summary>
    public const int SilenceLevel = 100;

    private const int KeyLength = 4;
    private readonly Dictionary<long, List<Entry>> _byKey = [];

    public PromptAudioIndex(IEnumerable<AudioClip> prompts, RtpAudioCodec codec)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        foreach (var clip in prompts)
        {
            var encoded = EncodedAudio.Encode(clip.Samples.Span, codec, clip.Id).Data.Span;
            var heard = new short[encoded.Length];
            if (codec == RtpAudioCodec.Pcma) G711.DecodeALaw(encoded, heard);
            else G711.DecodeMuLaw(encoded, heard);
            int anchor = FirstAudible(heard, 0);
            if (anchor < 0 || heard.Length - anchor < KeyLength) continue;
            var entry = new Entry(clip.Id, heard, anchor);
            long key = Key(heard.AsSpan(anchor));
            if (!_byKey.TryGetValue(key, out var list)) _byKey[key] = list = [];
            list.Add(entry);
            Count++;
        }
    }

    public int Count { get; }

    /// <summary>How much of a prompt's beginning identifies it while it is still playing.</summary>
    public int RecognisedSamples { get; init; } = 8000 / 2;

    /// <summary>A prompt cut short (barge-in, hangup) still counts when at least this much of its beginning matched.</summary>
    public int MinimumCutSamples { get; init; } = 800;

    public static int FirstAudible(ReadOnlySpan<short> samples, int from)
    {
        for (int i = Math.Max(0, from); i < samples.Length; i++)
        {
            if (Math.Abs((int)samples[i]) > SilenceLevel) return i;
        }

        return -1;
    }

    /// <summary>
    /// Which prompt starts its audible part at <paramref name="position"/>. <paramref name="final"/>
    /// says no more audio will arrive. Returns Matched (complete), Recognised (still playing,
    /// its beginning matched), NeedMore (too little to say yet) or NoMatch.
    /// </summary>
    public PromptMatchResult Match(ReadOnlySpan<short> stream, int position, bool final, out PromptMatch match)
    {
        match = default;
        if (stream.Length - position < KeyLength) return final ? PromptMatchResult.NoMatch : PromptMatchResult.NeedMore;
        if (!_byKey.TryGetValue(Key(stream[position..]), out var candidates)) return PromptMatchResult.NoMatch;
        bool needMore = false;
        foreach (var e in candidates)
        {
            var reference = e.Heard.AsSpan(e.Anchor);
            var received = stream[position..];
            int n = Math.Min(reference.Length, received.Length);
            int same = reference[..n].CommonPrefixLength(received[..n]);
            bool whole = same == reference.Length;
            bool streamEnded = same == received.Length && !whole;
            if (whole || (same >= Math.Min(MinimumCutSamples, reference.Length) && (!streamEnded || final)))
            {
                // Exact samples over 100 ms are no coincidence: a shorter match is the prompt cut short.
                match = new PromptMatch(e.Id, position, position + same, !whole);
                return PromptMatchResult.Matched;
            }

            if (streamEnded && same >= Math.Min(RecognisedSamples, reference.Length))
            {
                match = new PromptMatch(e.Id, position, position + same, false);
                return PromptMatchResult.Recognised;
            }

            needMore |= streamEnded && !final;
        }

        return needMore ? PromptMatchResult.NeedMore : PromptMatchResult.NoMatch;
    }

    private static long Key(ReadOnlySpan<short> s) =>
        (long)(ushort)s[0] | ((long)(ushort)s[1] << 16) | ((long)(ushort)s[2] << 32) | ((long)(ushort)s[3] << 48);

    private sealed record Entry(string Id, short[] Heard, int Anchor);
}
