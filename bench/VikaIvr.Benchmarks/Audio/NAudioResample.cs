using NAudio.Dsp;
using NAudio.Wave.SampleProviders;

namespace VikaIvr.Benchmarks.Audio;

/// <summary>NAudio's two ways to resample a whole mono signal.</summary>
internal static class NAudioResample
{
    /// <summary><see cref="WdlResamplingSampleProvider"/> as shipped (WDL in its default mode).</summary>
    public static float[] Provider(float[] input, int inputRate, int outputRate, float[]? buffer = null)
    {
        var provider = new WdlResamplingSampleProvider(new ArraySampleProvider(input, inputRate), outputRate);
        var output = new float[(int)((long)input.Length * outputRate / inputRate)];
        var done = 0;
        int read;
        while (done < output.Length && (read = provider.Read(output.AsSpan(done))) > 0)
        {
            done += read;
        }

        return output;
    }

    /// <summary>The underlying <see cref="WdlResampler"/> switched to its windowed-sinc mode (64 taps).</summary>
    public static float[] Sinc(float[] input, int inputRate, int outputRate)
    {
        var resampler = new WdlResampler();
        resampler.SetMode(true, 0, true, 64, 32);
        resampler.SetFilterParms();
        resampler.SetFeedMode(false);
        resampler.SetRates(inputRate, outputRate);
        var output = new float[(int)((long)input.Length * outputRate / inputRate)];
        var done = 0;
        var consumed = 0;
        while (done < output.Length)
        {
            var want = Math.Min(1024, output.Length - done);
            var needed = resampler.ResamplePrepare(want, 1, out var inBuffer);
            var give = Math.Min(needed, input.Length - consumed);
            input.AsSpan(consumed, give).CopyTo(inBuffer);
            inBuffer[give..needed].Clear();
            consumed += give;
            var produced = resampler.ResampleOut(output.AsSpan(done), needed, want, 1);
            if (produced == 0)
            {
                break;
            }

            done += produced;
        }

        return output;
    }
}
