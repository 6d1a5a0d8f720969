using VikaIvr.Media.Codecs;
using VikaIvr.Media.Rtp;

namespace VikaIvr.Media.Session;

/// <summary>
/// A clip encoded once in one G.711 codec (8 kHz, one byte per sample), immutable and shared by
/// every call that plays it; a playing session keeps only an offset into it.
/// </summary>
public sealed class EncodedAudio
{
    public EncodedAudio(RtpAudioCodec codec, ReadOnlyMemory<byte> data, string? id = null)
    {
        Codec = codec;
        Data = data;
        Id = id ?? "";
    }

    public RtpAudioCodec Codec { get; }

    public ReadOnlyMemory<byte> Data { get; }

    public string Id { get; }

    public TimeSpan Duration => TimeSpan.FromSeconds(Data.Length / 8000.0);

    public byte SilenceByte => SilenceFor(Codec);

    public static byte SilenceFor(RtpAudioCodec codec) => codec == RtpAudioCodec.Pcma ? G711.ALawSilence : G711.MuLawSilence;

    /// <summary>Encodes 8 kHz linear PCM (done once when a prompt is loaded, not per call).</summary>
    public static EncodedAudio Encode(ReadOnlySpan<short> samples, RtpAudioCodec codec, string? id = null)
    {
        var data = new byte[samples.Length];
        if (codec == RtpAudioCodec.Pcma)
        {
            G711.EncodeALaw(samples, data);
        }
        else
        {
            G711.EncodeMuLaw(samples, data);
        }

        return new EncodedAudio(codec, data, id);
    }

    public override string ToString() => $"{Id} {Codec} {Duration.TotalSeconds:0.00} s";
}
