namespace VikaIvr.Interop.Tests.Harness;

/// <summary>G.711 by the textbook formulas: the harness's own reference, independent of the media code under test.</summary>
public static class G711
{
    public static short MuLawToLinear(byte code)
    {
        var value = ~code & 0xFF;
        var magnitude = (((value & 0x0F) << 3) + 0x84) << ((value >> 4) & 0x07);
        return (short)((value & 0x80) != 0 ? 0x84 - magnitude : magnitude - 0x84);
    }

    public static byte LinearToMuLaw(short sample)
    {
        const int Bias = 0x84;
        const int Clip = 32635;
        var sign = sample < 0 ? 0x80 : 0;
        var magnitude = Math.Min(Math.Abs((int)sample), Clip) + Bias;
        var exponent = 7;
        for (var mask = 0x4000; exponent > 0 && (magnitude & mask) == 0; mask >>= 1)
        {
            exponent--;
        }

        var mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        return (byte)~(sign | (exponent << 4) | mantissa);
    }

    public static short ALawToLinear(byte code)
    {
        var value = code ^ 0x55;
        var exponent = (value & 0x70) >> 4;
        var magnitude = ((value & 0x0F) << 4) + 8;
        if (exponent != 0)
        {
            magnitude = (magnitude + 0x100) << (exponent - 1);
        }

        return (short)((value & 0x80) != 0 ? magnitude : -magnitude);
    }

    /// <summary>What a sample sounds like after a µ-law encode and decode (the path prompts take to the caller).</summary>
    public static short[] MuLawRoundTrip(ReadOnlySpan<short> samples)
    {
        var result = new short[samples.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            result[i] = MuLawToLinear(LinearToMuLaw(samples[i]));
        }

        return result;
    }
}
