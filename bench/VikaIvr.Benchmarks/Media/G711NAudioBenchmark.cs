using BenchmarkDotNet.Attributes;
using NAudio.Codecs;
using VikaIvr.Media.Codecs;

namespace VikaIvr.Benchmarks.Media;

/// <summary>
/// One 20 ms frame (160 samples) through G.711: ours (table per 16-bit sample, span API) against
/// NAudio.Codecs (per-sample static encoders, span decoders).
/// Run: dotnet run -c Release --project bench/VikaIvr.Benchmarks -- --filter '*G711NAudio*' --job short
/// </summary>
[MemoryDiagnoser]
public class G711NAudioBenchmark
{
    private const int FrameSamples = 160;

    private readonly short[] _pcm = new short[FrameSamples];
    private readonly short[] _decoded = new short[FrameSamples];
    private readonly byte[] _muLaw = new byte[FrameSamples];
    private readonly byte[] _aLaw = new byte[FrameSamples];

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < FrameSamples; i++)
        {
            _pcm[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 8000.0));
        }

        G711.EncodeMuLaw(_pcm, _muLaw);
        G711.EncodeALaw(_pcm, _aLaw);
    }

    [Benchmark]
    public void OursEncodeMuLaw() => G711.EncodeMuLaw(_pcm, _muLaw);

    [Benchmark]
    public void NAudioEncodeMuLaw()
    {
        for (var i = 0; i < FrameSamples; i++)
        {
            _muLaw[i] = MuLawEncoder.LinearToMuLawSample(_pcm[i]);
        }
    }

    [Benchmark]
    public void OursEncodeALaw() => G711.EncodeALaw(_pcm, _aLaw);

    [Benchmark]
    public void NAudioEncodeALaw()
    {
        for (var i = 0; i < FrameSamples; i++)
        {
            _aLaw[i] = ALawEncoder.LinearToALawSample(_pcm[i]);
        }
    }

    [Benchmark]
    public void OursDecodeMuLaw() => G711.DecodeMuLaw(_muLaw, _decoded);

    [Benchmark]
    public void NAudioDecodeMuLaw() => MuLawDecoder.Decode(_muLaw, _decoded);

    [Benchmark]
    public void OursDecodeALaw() => G711.DecodeALaw(_aLaw, _decoded);

    [Benchmark]
    public void NAudioDecodeALaw() => ALawDecoder.Decode(_aLaw, _decoded);
}
