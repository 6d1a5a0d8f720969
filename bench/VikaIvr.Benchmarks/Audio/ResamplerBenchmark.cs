using BenchmarkDotNet.Attributes;
using VikaIvr.Media.Audio;

namespace VikaIvr.Benchmarks.Audio;

/// <summary>
/// One second of audio to 8 kHz as prompt import and espeak-ng output do it (a new resampler per
/// clip): ours against NAudio's WdlResamplingSampleProvider and WDL's sinc mode.
/// Run: dotnet run -c Release --project bench/VikaIvr.Benchmarks -- --filter '*Resampler*' --job short
/// </summary>
[MemoryDiagnoser]
public class ResamplerBenchmark
{
    private float[] _input = [];

    [Params(44100, 22050)]
    public int InputRate { get; set; } = 44100;

    [GlobalSetup]
    public void Setup()
    {
        _input = new float[InputRate];
        for (var i = 0; i < _input.Length; i++)
        {
            _input[i] = (float)(0.5 * Math.Sin(2 * Math.PI * 1000 * i / InputRate));
        }
    }

    [Benchmark(Baseline = true)]
    public float[] Ours() => new Resampler(InputRate, 8000).Process(_input);

    [Benchmark]
    public float[] NAudioProvider() => NAudioResample.Provider(_input, InputRate, 8000);

    [Benchmark]
    public float[] NAudioWdlSinc() => NAudioResample.Sinc(_input, InputRate, 8000);
}
