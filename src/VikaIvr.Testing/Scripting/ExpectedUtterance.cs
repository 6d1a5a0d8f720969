using VikaIvr.Flows.Ports;
using VikaIvr.Media.Codecs;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Session;

namespace VikaIvr.Testing.Scripting;

/// <summary>
/// One sentence the server will say, synthesized here with the server's speech stack and passed
/// through the negotiated G.711 codec, so it is found in the received stream the way prompts are.
/// </summary>
internal sealed class ExpectedUtterance
{
    private readonly short[] _heard;
    private readonly int _anchor;
    private readonly int _audibleEnd;

    public ExpectedUtterance(AudioClip clip, RtpAudioCodec codec)
    {
        ArgumentNullException.ThrowIfNull(clip);
        Words = clip.Text ?? "";
        var encoded = EncodedAudio.Encode(clip.Samples.Span, codec, clip.Id).Data.Span;
        _heard = new short[encoded.Length];
        if (codec == RtpAudioCodec.Pcma) G711.DecodeALaw(encoded, _heard);
        else G711.DecodeMuLaw(encoded, _heard);
        _anchor = PromptAudioIndex.FirstAudible(_heard, 0);
        _audibleEnd = _anchor;
        for (int i = _heard.Length - 1; i > _anchor; i--)
        {
            if (Math.Abs((int)_heard[i]) > PromptAudioIndex.SilenceLevel)
            {
                _audibleEnd = i + 1;
                break;
            }
        }
    }

    /// <summary>The normalised words, as the speech service spoke them.</summary>
    public string Words { get; }

    /// <summary>Samples from the first to one past the last audible one.</summary>
    public int AudibleLength => _anchor < 0 ? 0 : _audibleEnd - _anchor;

    /// <summary>
    /// Whether this sentence's audible part starts at <paramref name="position"/>: its first
    /// <paramref name="identifying"/> samples (or all of it when shorter) must be exactly those received.
    /// </summary>
    public bool StartsAt(ReadOnlySpan<short> stream, int position, int identifying)
    {
        if (_anchor < 0 || position < 0 || position >= stream.Length) return false;
        var reference = _heard.AsSpan(_anchor, AudibleLength);
        var received = stream[position..];
        int need = Math.Min(identifying, reference.Length);
        if (received.Length < need) return false;
        return reference[..need].SequenceEqual(received[..need]);
    }

    /// <summary>
    /// Whether <paramref name="heard"/> (one whole heard event) is this sentence's audible beginning
    /// and nothing else: the sentence was cut short, too early to be identified by <see cref="StartsAt"/>.
    /// </summary>
    public bool IsCutBeginning(ReadOnlySpan<short> heard)
    {
        if (_anchor < 0 || heard.IsEmpty || heard.Length >= AudibleLength) return false;
        return _heard.AsSpan(_anchor, heard.Length).SequenceEqual(heard);
    }
}
