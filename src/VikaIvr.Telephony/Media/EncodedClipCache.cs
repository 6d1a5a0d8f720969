using System.Runtime.CompilerServices;
using VikaIvr.Flows.Ports;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Session;

namespace VikaIvr.Telephony.Media;

/// <summary>
/// Encodes each clip once per codec and shares the frames with every call that plays it.
/// Keyed by the clip instance: a new prompt version is a new clip, and an unused clip's
/// encodings go with it (weak keys), so the cache never grows without bound.
/// </summary>
public sealed class EncodedClipCache
{
    private readonly ConditionalWeakTable<AudioClip, Encodings> _table = new();

    public EncodedAudio Get(AudioClip clip, RtpAudioCodec codec)
    {
        var entry = _table.GetValue(clip, static _ => new Encodings());
        ref EncodedAudio? slot = ref codec == RtpAudioCodec.Pcma ? ref entry.Pcma : ref entry.Pcmu;
        var existing = Volatile.Read(ref slot);
        if (existing is not null) return existing;
        var encoded = EncodedAudio.Encode(clip.Samples.Span, codec, clip.Id);
        return Interlocked.CompareExchange(ref slot, encoded, null) ?? encoded;
    }

    /// <summary>Encodes clips ahead of the first call that plays them (at start-up: the first
    /// calls then only share frames, and the encoding buffers are not made while calls run).</summary>
    public int Warm(IEnumerable<AudioClip> clips, IEnumerable<RtpAudioCodec> codecs)
    {
        ArgumentNullException.ThrowIfNull(clips);
        var list = codecs.Distinct().ToList();
        int n = 0;
        foreach (var clip in clips)
        {
            foreach (var codec in list)
            {
                Get(clip, codec);
                n++;
            }
        }

        return n;
    }

    private sealed class Encodings
    {
        public EncodedAudio? Pcmu;
        public EncodedAudio? Pcma;
    }
}
