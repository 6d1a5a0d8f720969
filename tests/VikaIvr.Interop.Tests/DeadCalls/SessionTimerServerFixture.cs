using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.DeadCalls;

/// <summary>
/// A server with RFC 4028 intervals in seconds instead of minutes (Session-Expires 4 s, Min-SE 3 s:
/// below the RFC's 90, which the settings allow for tests) and the RTP timeout off, since these
/// SIPp callers send no RTP.
/// </summary>
public sealed class SessionTimerServerFixture : ServerFixture
{
    public const int SessionExpires = 4;
    public const int MinSessionExpires = 3;

    protected override ServerOptions Options => new()
    {
        Environment = new Dictionary<string, string>
        {
            ["VIKA_Sip__SessionExpiresSeconds"] = SessionExpires.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["VIKA_Sip__MinSessionExpiresSeconds"] = MinSessionExpires.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["VIKA_Media__RtpTimeoutSeconds"] = "0",
        },
    };
}
