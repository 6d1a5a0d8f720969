using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.DeadCalls;

/// <summary>A server whose RTP timeout is 2 s (the default 30 s would cost the test budget half a minute per call).</summary>
public sealed class RtpTimeoutServerFixture : ServerFixture
{
    public const int TimeoutSeconds = 2;

    protected override ServerOptions Options => new()
    {
        Environment = new Dictionary<string, string> { ["VIKA_Media__RtpTimeoutSeconds"] = TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };
}
