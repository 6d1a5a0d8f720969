namespace VikaIvr.Server.Hosting;

/// <summary>Parses "LO-HI" RTP port ranges.</summary>
public static class RtpPortRange
{
    public const string Expected = "a range LO-HI of ports 1-65535 with LO below HI, such as 20000-29999";

    public static bool TryParse(string? text, out int low, out int high)
    {
        low = high = 0;
        if (text is null)
        {
            return false;
        }

        int dash = text.IndexOf('-');
        if (dash > 0 && int.TryParse(text.AsSpan(0, dash), out int lo) && int.TryParse(text.AsSpan(dash + 1), out int hi)
            && lo is > 0 and < 65536 && hi is > 0 and < 65536 && hi > lo)
        {
            (low, high) = (lo, hi);
            return true;
        }

        return false;
    }

    public static (int Low, int High) Parse(string text) =>
        TryParse(text, out int low, out int high) ? (low, high) : throw new FormatException($"Media:RtpPorts must be {Expected}, not '{text}'");
}
