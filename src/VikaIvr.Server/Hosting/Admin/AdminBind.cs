using System.Globalization;
using System.Net;

namespace VikaIvr.Server.Hosting.Admin;

/// <summary>
/// Admin:Bind as the endpoint uses it: "HOST:PORT" with an IP address ("127.0.0.1:8165",
/// "[::1]:8165"; port 0 = any free port), or empty for no admin endpoint. No host names: the
/// address the operations team probes must be the one bound, not whatever a resolver says today.
/// </summary>
public static class AdminBind
{
    /// <summary>True when <paramref name="text"/> is empty (off) or a valid HOST:PORT; <paramref name="endPoint"/> is null when off.</summary>
    public static bool TryParse(string? text, out IPEndPoint? endPoint)
    {
        endPoint = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        int colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }

        var host = text[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }
        else if (host.Contains(':', StringComparison.Ordinal))
        {
            return false; // an IPv6 address needs its brackets before the port
        }

        if (!IPAddress.TryParse(host, out var address)
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port)
            || port > IPEndPoint.MaxPort)
        {
            return false;
        }

        endPoint = new IPEndPoint(address, port);
        return true;
    }

    /// <summary>The endpoint to bind, or null when the admin endpoint is off (after validation).</summary>
    public static IPEndPoint? Parse(string? text) =>
        TryParse(text, out var endPoint) ? endPoint : throw new FormatException($"Admin:Bind needs HOST:PORT with an IP address, not '{text}'");
}
