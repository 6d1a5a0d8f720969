using System.Buffers.Binary;
using System.Numerics;
using VikaIvr.Flows.Ports;
using VikaIvr.Media.Codecs;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Session;

namespace VikaIvr.Testing.Load;

/// <summary>
/// Recognises prompts in received G.711 without decoding or keeping audio: the server encodes a
/// prompt once per codec and sends it in frames from its start, so one frame of each prompt (its
/// first audible frame whose bytes no other frame of any prompt shares) arrives as one packet's
/// payload, byte for byte. A packet is looked up by a 64-bit key of its payload and confirmed by
/// comparing bytes: no allocation, a dictionary probe per packet. Immutable; shared by all calls.
/// </summary>
public sealed class PromptFingerprints
{
    /// <summary>Samples above this count as audible (as the live script caller's silence level).</summary>
    private const int Audible = 100;

    /// <summary>A frame with fewer audible samples is too quiet to tell prompts apart.</summary>
    private const int MinAudibleSamples = 40;

    private readonly string[] _ids;
    private readonly byte[][] _frames;
    private readonly int[] _next;
    private readonly Dictionary<ulong, int> _first = [];

    public PromptFingerprints(IEnumerable<AudioClip> prompts, RtpAudioCodec codec, int frameBytes = 160)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        var encoded = new List<(string Id, byte[] Data)>();
        var keyUses = new Dictionary<ulong, int>();
        foreach (var clip in prompts)
        {
            var data = EncodedAudio.Encode(clip.Samples.Span, codec, clip.Id).Data.ToArray();
            encoded.Add((clip.Id, data));
            for (int at = 0; at + frameBytes <= data.Length; at += frameBytes)
            {
                var key = Key(data.AsSpan(at, frameBytes));
                keyUses[key] = keyUses.GetValueOrDefault(key) + 1;
            }
        }

        var ids = new List<string>();
        var frames = new List<byte[]>();
        var pcm = new short[frameBytes];
        foreach (var (id, data) in encoded)
        {
            byte[]? chosen = null;
            for (int at = 0; at + frameBytes <= data.Length; at += frameBytes)
            {
                var frame = data.AsSpan(at, frameBytes);
                if (!IsAudible(frame, codec, pcm))
                {
                    continue;
                }

                chosen ??= frame.ToArray();
                if (keyUses[Key(frame)] == 1)
                {
                    chosen = frame.ToArray();
                    break;
                }
            }

            if (chosen is not null)
            {
                ids.Add(id);
                frames.Add(chosen);
            }
        }

        _ids = [.. ids];
        _frames = [.. frames];
        _next = new int[_frames.Length];
        for (int i = _frames.Length - 1; i >= 0; i--)
        {
            var key = Key(_frames[i]);
            _next[i] = _first.TryGetValue(key, out int head) ? head : -1;
            _first[key] = i;
        }

        Codec = codec;
    }

    public RtpAudioCodec Codec { get; }

    /// <summary>Prompts that can be recognised (a silent prompt cannot).</summary>
    public int Count => _ids.Length;

    public string IdOf(int prompt) => _ids[prompt];

    /// <summary>The prompt whose fingerprint frame <paramref name="payload"/> is, or -1.</summary>
    public int Match(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 16 || !_first.TryGetValue(Key(payload), out int i))
        {
            return -1;
        }

        for (; i >= 0; i = _next[i])
        {
            if (payload.SequenceEqual(_frames[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The index of prompt <paramref name="id"/>, or -1 when it cannot be recognised.</summary>
    public int IndexOf(string id) => Array.IndexOf(_ids, id);

    private static ulong Key(ReadOnlySpan<byte> frame) =>
        BinaryPrimitives.ReadUInt64LittleEndian(frame)
        ^ ((ulong)frame.Length << 56)
        ^ BitOperations.RotateLeft(BinaryPrimitives.ReadUInt64LittleEndian(frame[(frame.Length / 2)..]), 21)
        ^ BitOperations.RotateLeft(BinaryPrimitives.ReadUInt64LittleEndian(frame[^8..]), 42);

    private static bool IsAudible(ReadOnlySpan<byte> frame, RtpAudioCodec codec, short[] pcm)
    {
        var samples = pcm.AsSpan(0, frame.Length);
        if (codec == RtpAudioCodec.Pcma)
        {
            G711.DecodeALaw(frame, samples);
        }
        else
        {
            G711.DecodeMuLaw(frame, samples);
        }

        int audible = 0;
        foreach (short s in samples)
        {
            if (Math.Abs((int)s) > Audible)
            {
                audible++;
            }
        }

        return audible >= MinAudibleSamples;
    }
}
