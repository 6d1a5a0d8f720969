using BenchmarkDotNet.Attributes;
using VikaIvr.Media.Audio;
using VikaIvr.Media.Tests.Codecs;

namespace VikaIvr.Benchmarks.Audio;

/// <summary>
/// A prompt file to mono float, ours (<see cref="WavReader"/>) against NAudio's WaveFileReader +
/// sample providers. 3 s of audio per file, read from the page cache.
/// Run: dotnet run -c Release --project bench/VikaIvr.Benchmarks -- --filter '*WavRead*' --job short
/// </summary>
[MemoryDiagnoser]
public class WavReadBenchmark
{
    private string _directory = string.Empty;
    private string _path = string.Empty;

    [Params("pcm16-44k1-stereo", "pcm24-48k-ext", "mulaw-8k")]
    public string File { get; set; } = "pcm16-44k1-stereo";

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("vika-wav-bench-").FullName;
        _path = Path.Combine(_directory, File + ".wav");
        string[] format = File switch
        {
            "pcm16-44k1-stereo" => ["-r", "44100", "-c", "2", "-b", "16"],
            "pcm24-48k-ext" => ["-r", "48000", "-c", "2", "-b", "24"],
            _ => ["-r", "8000", "-c", "1", "-e", "mu-law"],
        };
        Sox.Run(["-D", "-n", .. format, _path, "synth", "3", "sine", "200-3400", "vol", "0.7"]);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark(Baseline = true)]
    public float[] Ours() => WavReader.Read(_path).Samples;

    [Benchmark]
    public float[] NAudio()
    {
        using var stream = System.IO.File.OpenRead(_path);
        return NAudioWav.ReadMono(stream).Samples;
    }
}
