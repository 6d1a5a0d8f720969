using BenchmarkDotNet.Running;

// `media-clock` is a load run with its own report rather than a BenchmarkDotNet benchmark.
if (args is ["media-clock", .. var rest])
{
    VikaIvr.Benchmarks.Media.MediaClockLoad.Run(rest);
    return;
}
if (args is ["audio-quality"])
{
    VikaIvr.Benchmarks.Audio.AudioQualityReport.Run();
    return;
}

if (args is ["wav-corpus"])
{
    VikaIvr.Benchmarks.Audio.WavCorpusReport.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
