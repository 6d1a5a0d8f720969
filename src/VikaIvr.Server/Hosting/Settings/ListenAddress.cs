using System.Net;

namespace VikaIvr.Server.Hosting.Settings;

/// <summary>Sip:Bind as the server uses it: null for every address (empty, *, 0.0.0.0, ::), else one IP address.</summary>
public static class ListenAddress
{
    public static bool TryParse(string? text, out IPAddress? address)
    {
        address = null;
        if (string.IsNullOrEmpty(text) || text is "*" or "0.0.0.0" or "::" or "[::]")
        {
            return true;
        }

        return IPAddress.TryParse(text.Trim('[', ']'), out address);
    }

    /// <summary>The one address bound, or null for every address (after validation).</summary>
    public static IPAddress? Parse(string? text) =>
        TryParse(text, out var address) ? address : throw new FormatException($"Sip:Bind needs an IP address, not '{text}'");
}
