using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Interop.Tests.TestCaller;

namespace VikaIvr.Interop.Tests.Load;

/// <summary>A server with Media:SharedRtpPort on a free even port pair in 40000-41998 (clear of its own RTP range and of the test caller's 42000-43998), on the scripts' clock.</summary>
public sealed class SharedRtpPortServerFixture : ServerFixture
{
    public int SharedPort { get; } = FreePorts.EvenPair(40000, 41998);

    protected override ServerOptions Options => new()
    {
        ExtraArguments = ["--clock", TestCallerServerFixture.Clock],
        Environment = new Dictionary<string, string> { ["VIKA_Media__SharedRtpPort"] = SharedPort.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };
}
