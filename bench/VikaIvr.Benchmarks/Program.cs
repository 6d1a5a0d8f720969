using BenchmarkDotNet.Running;

// `media-clock` is a load run with its own report rather than a BenchmarkDotNet benchmark.
if (args is ["media-clock", .. var rest])
{
    VikaIvr.Benchmarks.Media.MediaClockLoad.Run(rest);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
