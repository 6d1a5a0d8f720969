namespace VikaIvr.Media.Codecs;

/// <summary>
/// ITU-T G.711 µ-law (PCMU) and A-law (PCMA), table-driven. The tables are built once from the
/// reference segment algorithm (the Sun/ITU G.191 code that sox also uses) and never change,
/// so encoding is one shift and one lookup per sample.
/// </summary>
public static class G711
{
    // One entry per 16-bit sample. µ-law works on 14 significant bits and A-law on 13; the
    // sample is rounded (not truncated) to that width, as sox does, so the codes match sox's.
    private static readonly byte[] MuLawEncodeTable = BuildMuLawEncodeTable();
    private static readonly byte[] ALawEncodeTable = BuildALawEncodeTable();
    private static readonly short[] MuLawDecodeTable = BuildDecodeTable(MuLawToLinear);
    private static readonly short[] ALawDecodeTable = BuildDecodeTable(ALawToLinear);

    /// <summary>The µ-law byte for digital silence.</summary>
    public const byte MuLawSilence = 0xFF;

    /// <summary>The A-law byte for digital silence.</summary>
    public const byte ALawSilence = 0xD5;

    public static byte EncodeMuLaw(short sample) => MuLawEncodeTable[(ushort)sample];

    public static byte EncodeALaw(short sample) => ALawEncodeTable[(ushort)sample];

    public static short DecodeMuLaw(byte code) => MuLawDecodeTable[code];

    public static short DecodeALaw(byte code) => ALawDecodeTable[code];

    public static void EncodeMuLaw(ReadOnlySpan<short> samples, Span<byte> destination)
    {
        CheckLength(samples.Length, destination.Length);
        var table = MuLawEncodeTable;
        for (var i = 0; i < samples.Length; i++)
        {
            destination[i] = table[(ushort)samples[i]];
        }
    }

    public static void EncodeALaw(ReadOnlySpan<short> samples, Span<byte> destination)
    {
        CheckLength(samples.Length, destination.Length);
        var table = ALawEncodeTable;
        for (var i = 0; i < samples.Length; i++)
        {
            destination[i] = table[(ushort)samples[i]];
        }
    }

    public static void DecodeMuLaw(ReadOnlySpan<byte> codes, Span<short> destination)
    {
        CheckLength(codes.Length, destination.Length);
        var table = MuLawDecodeTable;
        for (var i = 0; i < codes.Length; i++)
        {
            destination[i] = table[codes[i]];
        }
    }

    public static void DecodeALaw(ReadOnlySpan<byte> codes, Span<short> destination)
    {
        CheckLength(codes.Length, destination.Length);
        var table = ALawDecodeTable;
        for (var i = 0; i < codes.Length; i++)
        {
            destination[i] = table[codes[i]];
        }
    }

    /// <summary>Decodes µ-law to linear and back to A-law (or the reverse) without a caller buffer.</summary>
    public static void TranscodeMuLawToALaw(ReadOnlySpan<byte> muLaw, Span<byte> aLaw)
    {
        CheckLength(muLaw.Length, aLaw.Length);
        for (var i = 0; i < muLaw.Length; i++)
        {
            aLaw[i] = EncodeALaw(MuLawDecodeTable[muLaw[i]]);
        }
    }

    public static void TranscodeALawToMuLaw(ReadOnlySpan<byte> aLaw, Span<byte> muLaw)
    {
        CheckLength(aLaw.Length, muLaw.Length);
        for (var i = 0; i < aLaw.Length; i++)
        {
            muLaw[i] = EncodeMuLaw(ALawDecodeTable[aLaw[i]]);
        }
    }

    private static void CheckLength(int source, int destination)
    {
        if (destination < source)
        {
            throw new ArgumentException($"Destination holds {destination} items but {source} are needed.", nameof(destination));
        }
    }

    private static byte[] BuildMuLawEncodeTable()
    {
        var table = new byte[65536];
        for (var index = 0; index < table.Length; index++)
        {
            var value = Math.Min(((short)index + 2) >> 2, 8191);
            table[index] = LinearToMuLaw(value);
        }

        return table;
    }

    private static byte[] BuildALawEncodeTable()
    {
        var table = new byte[65536];
        for (var index = 0; index < table.Length; index++)
        {
            var value = Math.Min(((short)index + 4) >> 3, 4095);
            table[index] = LinearToALaw(value);
        }

        return table;
    }

    private static short[] BuildDecodeTable(Func<byte, short> decode)
    {
        var table = new short[256];
        for (var code = 0; code < 256; code++)
        {
            table[code] = decode((byte)code);
        }

        return table;
    }

    private static int Segment(int value, int firstEnd)
    {
        var end = firstEnd;
        for (var segment = 0; segment < 8; segment++)
        {
            if (value <= end)
            {
                return segment;
            }

            end = (end << 1) | 1;
        }

        return 8;
    }

    /// <param name="value">A 14-bit sample.</param>
    private static byte LinearToMuLaw(int value)
    {
        const int Clip = 8159;
        const int Bias = 0x84 >> 2;
        int mask;
        if (value < 0)
        {
            value = -value;
            mask = 0x7F;
        }
        else
        {
            mask = 0xFF;
        }

        if (value > Clip)
        {
            value = Clip;
        }

        value += Bias;
        var segment = Segment(value, 0x3F);
        if (segment >= 8)
        {
            return (byte)(0x7F ^ mask);
        }

        var code = (segment << 4) | ((value >> (segment + 1)) & 0x0F);
        return (byte)(code ^ mask);
    }

    /// <param name="value">A 13-bit sample.</param>
    private static byte LinearToALaw(int value)
    {
        int mask;
        if (value >= 0)
        {
            mask = 0xD5;
        }
        else
        {
            mask = 0x55;
            value = -value - 1;
        }

        var segment = Segment(value, 0x1F);
        if (segment >= 8)
        {
            return (byte)(0x7F ^ mask);
        }

        var code = segment << 4;
        code |= segment < 2 ? (value >> 1) & 0x0F : (value >> segment) & 0x0F;
        return (byte)(code ^ mask);
    }

    private static short MuLawToLinear(byte code)
    {
        const int Bias = 0x84;
        var u = ~code & 0xFF;
        var t = ((u & 0x0F) << 3) + Bias;
        t <<= (u & 0x70) >> 4;
        return (short)((u & 0x80) != 0 ? Bias - t : t - Bias);
    }

    private static short ALawToLinear(byte code)
    {
        var a = code ^ 0x55;
        var t = (a & 0x0F) << 4;
        var segment = (a & 0x70) >> 4;
        switch (segment)
        {
            case 0:
                t += 8;
                break;
            case 1:
                t += 0x108;
                break;
            default:
                t += 0x108;
                t <<= segment - 1;
                break;
        }

        return (short)((a & 0x80) != 0 ? t : -t);
    }
}
