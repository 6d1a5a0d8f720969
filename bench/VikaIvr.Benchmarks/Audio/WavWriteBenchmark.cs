using BenchmarkDotNet.Attributes;
using NAudio.Wave;
using VikaIvr.Media.Audio;
using VikaIvr.Media.Codecs;

namespace VikaIvr.Benchmarks.Audio;

/// <summary>
/// Writing a 3 s, 8 kHz mono prompt as 16-bit PCM and as µ-law. <c>Ours</c> is <see cref="WavWriter"/>
/// (NAudio's WaveFileWriter for the container, our bulk sample coding); <c>NAudio</c> is NAudio on its
/// own (<c>WriteSamples</c> for PCM; µ-law bytes from our G.711, since NAudio's writer cannot code them).
/// Before WavWriter moved onto NAudio (commit ab69136) <c>Ours</c> measured our own header code.
/// Run: dotnet run -c Release --project bench/VikaIvr.Benchmarks -- --filter '*WavWrite*' --job short
/// </summary>
[MemoryDiagnoser]
public class WavWriteBenchmark
{
    private readonly short[] _samples = new short[24000];

    [Params(WavEncoding.Pcm16, WavEncoding.MuLaw)]
    public WavEncoding Encoding { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < _samples.Length; i++)
        {
            _samples[i] = (short)(12000 * Math.Sin(2 * Math.PI * 440 * i / 8000.0));
        }
    }

    [Benchmark(Baseline = true)]
    public byte[] Ours() => WavWriter.ToBytes(_samples, 8000, Encoding);

    [Benchmark]
    public byte[] NAudio()
    {
        using var stream = new MemoryStream();
        if (Encoding == WavEncoding.MuLaw)
        {
            var data = new byte[_samples.Length];
            G711.EncodeMuLaw(_samples, data);
            using var writer = new WaveFileWriter(stream, WaveFormat.CreateMuLawFormat(8000, 1));
            writer.Write(data);
        }
        else
        {
            using var writer = new WaveFileWriter(stream, new WaveFormat(8000, 16, 1));
            writer.WriteSamples(_samples, 0, _samples.Length);
        }

        return stream.ToArray();
    }
}
