namespace VikaIvr.Media.Audio;

/// <summary>Conversions between 16-bit linear PCM and float samples (full scale = 1.0).</summary>
public static class SampleConvert
{
    private const float Scale = 32768f;

    public static short ToPcm16(float sample)
    {
        var scaled = MathF.Round(sample * Scale);
        if (scaled > short.MaxValue)
        {
            return short.MaxValue;
        }

        return scaled < short.MinValue ? short.MinValue : (short)scaled;
    }

    public static void ToPcm16(ReadOnlySpan<float> source, Span<short> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("Destination is shorter than the source.", nameof(destination));
        }

        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = ToPcm16(source[i]);
        }
    }

    public static short[] ToPcm16(ReadOnlySpan<float> source)
    {
        var result = new short[source.Length];
        ToPcm16(source, result);
        return result;
    }

    public static void ToFloat(ReadOnlySpan<short> source, Span<float> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("Destination is shorter than the source.", nameof(destination));
        }

        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = source[i] / Scale;
        }
    }

    public static float[] ToFloat(ReadOnlySpan<short> source)
    {
        var result = new float[source.Length];
        ToFloat(source, result);
        return result;
    }
}
