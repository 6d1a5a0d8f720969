using BenchmarkDotNet.Attributes;
using VikaIvr.Media.Codecs;

namespace VikaIvr.Benchmarks.Media;

/// <summary>
/// G.711 encode and decode of one 20 ms frame (160 samples), the per-packet codec work.
/// Run: dotnet run -c Release --project bench/VikaIvr.Benchmarks -- --filter '*G711*'
/// </summary>
[MemoryDiagnoser]
public class G711Benchmark
{
    private const int FrameSamples = 160;

    private readonly short[] _pcm = new short[FrameSamples];
    private readonly short[] _decoded = new short[FrameSamples];
    private readonly byte[] _muLaw = new byte[FrameSamples];
    private readonly byte[] _aLaw = new byte[FrameSamples];

    [GlobalSetup]
    public void Setup()
    {
        // Speech-like level: a 440 Hz tone at about -12 dBFS, so every segment of the code is exercised.
        for (int i = 0; i < FrameSamples; i++)
        {
            _pcm[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 8000.0));
        }

        G711.EncodeMuLaw(_pcm, _muLaw);
        G711.EncodeALaw(_pcm, _aLaw);
    }

    [Benchmark]
    public void EncodeMuLaw() => G711.EncodeMuLaw(_pcm, _muLaw);

    [Benchmark]
    public void DecodeMuLaw() => G711.DecodeMuLaw(_muLaw, _decoded);

    [Benchmark]
    public void EncodeALaw() => G711.EncodeALaw(_pcm, _aLaw);

    [Benchmark]
    public void DecodeALaw() => G711.DecodeALaw(_aLaw, _decoded);
}
