using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Vika;

/// <summary>
/// The server as the VIKA tests need it: the clock of the demo table (bills as in VIKA.md) and
/// the configured agent URI. Its SIPp callers press keys by SIP INFO and send no RTP for up to 70 s
/// (waiting for the server's BYE after three wrong dates), so the RTP timeout is off here: a real
/// caller's silence is the dead-call tests' subject (DeadCalls), not these.
/// </summary>
public class VikaServerFixture : ServerFixture
{
    public const string Clock = "2026-11-23T10:00:00+07:00";
    public const string AgentUri = "sip:agent@localhost";

    protected override ServerOptions Options => new()
    {
        ExtraArguments = ["--clock", Clock, "--agent-uri", AgentUri],
        Environment = new Dictionary<string, string> { ["VIKA_Media__RtpTimeoutSeconds"] = "0" },
    };
}
