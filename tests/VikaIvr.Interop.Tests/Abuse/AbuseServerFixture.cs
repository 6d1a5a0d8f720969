using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Abuse;

/// <summary>
/// One `vika serve` for the flood, held-connection and maddr probes, with the shipped edge defaults
/// (30 requests per source per second, 10 s bans, 32 TCP connections per source) but for the TCP
/// first-message limit. Each attack comes from its own loopback address, so the tests share the
/// server without one's ban touching another.
/// </summary>
public sealed class AbuseServerFixture : ServerFixture
{
    /// <summary>The TCP first-message limit here: long enough to hold the connections through the calls, short enough to see it end them.</summary>
    public const int TcpFirstMessageSeconds = 10;

    protected override ServerOptions Options => new()
    {
        Environment = new Dictionary<string, string>
        {
            ["VIKA_Server__DrainSeconds"] = "0",
            ["VIKA_Sip__TcpFirstMessageSeconds"] = TcpFirstMessageSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };
}
