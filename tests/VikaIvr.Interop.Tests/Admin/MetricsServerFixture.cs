using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Interop.Tests.TestCaller;

namespace VikaIvr.Interop.Tests.Admin;

/// <summary>A server on the scripts' clock (so the shipped scripts' participants and bills match) for the metrics tests.</summary>
public sealed class MetricsServerFixture : ServerFixture
{
    protected override ServerOptions Options => new() { ExtraArguments = ["--clock", TestCallerServerFixture.Clock] };
}
