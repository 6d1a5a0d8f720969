using VikaIvr.Server.Cli;

namespace VikaIvr.Server.Hosting;

/// <summary>Parses "LO-HI" RTP port ranges.</summary>
public static class RtpPortRange
{
    public static (int Low, int High) Parse(string text)
    {
        int dash = text.IndexOf('-');
        if (dash > 0 && int.TryParse(text.AsSpan(0, dash), out int lo) && int.TryParse(text.AsSpan(dash + 1), out int hi)
            && lo is > 0 and < 65536 && hi is > 0 and < 65536 && hi > lo)
            return (lo, hi);
        throw new CliException($"RTP port range must look like 20000-29999, not '{text}'");
    }
}
