using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Interop.Tests.Web.ConsoleHarness;

namespace VikaIvr.Interop.Tests.Web;

/// <summary>
/// The console fixture for the reports test: the server's clock starts at a known Jakarta morning
/// (so the calls fall in the report's period) and transfers go to an agent URI.
/// </summary>
public sealed class ReportsConsoleFixture : ConsoleFixture
{
    public const string Clock = "2026-11-23T10:00:00+07:00";

    protected override ServerOptions Options => new()
    {
        ExtraArguments = ["--clock", Clock, "--agent-uri", "sip:agent@localhost"],
    };
}
