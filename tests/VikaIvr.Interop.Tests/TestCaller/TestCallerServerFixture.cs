using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.TestCaller;

/// <summary>The server for the test caller's tests, on the scripts' clock (so bills match the demo data).</summary>
public sealed class TestCallerServerFixture : ServerFixture
{
    public const string Clock = "2026-11-23T10:00:00+07:00";

    protected override ServerOptions Options => new() { ExtraArguments = ["--clock", Clock] };
}
