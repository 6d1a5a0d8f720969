using System.Globalization;
using NAudio.Codecs;
using VikaIvr.Media.Audio;
using VikaIvr.Media.Codecs;

namespace VikaIvr.Benchmarks.Audio;

/// <summary>
/// `audio-quality`: G.711 code agreement (ours follows ITU G.191 / sox) and resampler quality —
/// passband flatness, image/alias rejection and the SNR of a tone — for ours and NAudio's.
/// </summary>
internal static class AudioQualityReport
{
    private const int OutputRate = 8000;
    private const double Amplitude = 0.5;

    public static void Run()
    {
        G711Agreement();
        Console.WriteLine();
        Console.WriteLine("| resampler | input rate | passband 100–3400 Hz (min / max gain) | 3.4 kHz tone | 1 kHz tone SNR | worst alias, tones 4.2 kHz – Nyquist | 5 kHz tone alias |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var inputRate in new[] { 44100, 22050 })
        {
            Resampler("ours", inputRate, (x, r) => new Resampler(r, OutputRate).Process(x));
            Resampler("NAudio WdlResamplingSampleProvider", inputRate, (x, r) => NAudioResample.Provider(x, r, OutputRate));
            Resampler("NAudio WdlResampler, sinc 64", inputRate, (x, r) => NAudioResample.Sinc(x, r, OutputRate));
        }
    }

    private static void G711Agreement()
    {
        int muDiff = 0, aDiff = 0, muDecode = 0, aDecode = 0;
        for (int i = short.MinValue; i <= short.MaxValue; i++)
        {
            var s = (short)i;
            muDiff += G711.EncodeMuLaw(s) != MuLawEncoder.LinearToMuLawSample(s) ? 1 : 0;
            aDiff += G711.EncodeALaw(s) != ALawEncoder.LinearToALawSample(s) ? 1 : 0;
        }

        for (var code = 0; code < 256; code++)
        {
            muDecode += G711.DecodeMuLaw((byte)code) != MuLawDecoder.MuLawToLinearSample((byte)code) ? 1 : 0;
            aDecode += G711.DecodeALaw((byte)code) != ALawDecoder.ALawToLinearSample((byte)code) ? 1 : 0;
        }

        Console.WriteLine($"G.711: of 65,536 linear samples, NAudio encodes {muDiff} to a different µ-law code and {aDiff} to a different A-law code than ours (sox/G.191 rounding); decode tables differ in {muDecode} µ-law and {aDecode} A-law codes.");
    }

    private static void Resampler(string name, int inputRate, Func<float[], int, float[]> resample)
    {
        double Gain(double frequency) => Measure(resample(Tone(frequency, inputRate), inputRate), frequency).Gain;

        var minGain = double.MaxValue;
        var maxGain = double.MinValue;
        for (var f = 100; f <= 3400; f += 100)
        {
            var g = Db(Gain(f));
            minGain = Math.Min(minGain, g);
            maxGain = Math.Max(maxGain, g);
        }

        var edge = Db(Gain(3400));
        var snr = Measure(resample(Tone(1000, inputRate), inputRate), 1000).SnrDb;
        var worstAlias = double.MinValue;
        var worstAt = 0;
        for (var f = 4200; f < inputRate / 2; f += 100)
        {
            var level = Db(Level(resample(Tone(f, inputRate), inputRate)));
            if (level > worstAlias)
            {
                worstAlias = level;
                worstAt = f;
            }
        }

        var at5k = Db(Level(resample(Tone(5000, inputRate), inputRate)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {inputRate} | {minGain:0.00;-0.00;0.00} / {maxGain:+0.00;-0.00;0.00} dB | {edge:0.00;-0.00;0.00} dB | {snr:0.0} dB | {worstAlias:0.0} dB (at {worstAt} Hz) | {at5k:0.0} dB |"));
    }

    private static float[] Tone(double frequency, int rate)
    {
        var samples = new float[rate / 2];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)(Amplitude * Math.Sin(2 * Math.PI * frequency * i / rate));
        }

        return samples;
    }

    /// <summary>The middle of the output, away from the start-up and the end of either filter.</summary>
    private static ReadOnlySpan<float> Middle(float[] output) => output.AsSpan(output.Length / 5, output.Length * 3 / 5);

    /// <summary>Output RMS relative to the input tone's RMS.</summary>
    private static double Level(float[] output)
    {
        var sum = 0.0;
        foreach (var s in Middle(output))
        {
            sum += s * (double)s;
        }

        return Math.Sqrt(sum / Middle(output).Length) / (Amplitude / Math.Sqrt(2));
    }

    /// <summary>Least-squares fit of a tone at <paramref name="frequency"/>: its gain and what is left.</summary>
    private static (double Gain, double SnrDb) Measure(float[] output, double frequency)
    {
        var middle = Middle(output);
        var offset = output.Length / 5;
        double ss = 0, cc = 0, sc = 0, ys = 0, yc = 0;
        for (var i = 0; i < middle.Length; i++)
        {
            var phase = 2 * Math.PI * frequency * (i + offset) / OutputRate;
            var s = Math.Sin(phase);
            var c = Math.Cos(phase);
            ss += s * s;
            cc += c * c;
            sc += s * c;
            ys += middle[i] * s;
            yc += middle[i] * c;
        }

        var det = (ss * cc) - (sc * sc);
        var a = ((ys * cc) - (yc * sc)) / det;
        var b = ((yc * ss) - (ys * sc)) / det;
        double signal = 0, noise = 0;
        for (var i = 0; i < middle.Length; i++)
        {
            var phase = 2 * Math.PI * frequency * (i + offset) / OutputRate;
            var fit = (a * Math.Sin(phase)) + (b * Math.Cos(phase));
            signal += fit * fit;
            noise += (middle[i] - fit) * (middle[i] - fit);
        }

        return (Math.Sqrt((a * a) + (b * b)) / Amplitude, 10 * Math.Log10(signal / Math.Max(noise, 1e-30)));
    }

    private static double Db(double ratio) => 20 * Math.Log10(Math.Max(ratio, 1e-12));
}
