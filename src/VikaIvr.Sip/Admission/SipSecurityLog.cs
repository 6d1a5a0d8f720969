using System.Net;
using Microsoft.Extensions.Logging;

namespace VikaIvr.Sip.Admission;

/// <summary>
/// Security events in one fixed format a banning tool can match (config/fail2ban/filter.d/vika-sip.conf):
/// <c>SECURITY event=NAME src=ADDRESS port=PORT detail="..."</c>. The address is the transport
/// source, never a header the sender wrote (a From can name anyone); the detail is cleaned so
/// the line cannot be forged by what a request carries.
/// </summary>
public sealed partial class SipSecurityLog(ILogger logger)
{
    /// <summary>A source went over its request rate and is banned (once per ban, not per refused request).</summary>
    public const string SourceBanned = "source-banned";

    /// <summary>A request whose User-Agent is on the deny-list, dropped unanswered.</summary>
    public const string ScannerDropped = "scanner-dropped";

    /// <summary>An INVITE for a number that is not served (404).</summary>
    public const string UnknownNumber = "unknown-number";

    /// <summary>An INVITE with digest credentials that did not verify (401 again).</summary>
    public const string AuthFailed = "auth-failed";

    /// <summary>A wrong operator PIN (the PIN itself is never written).</summary>
    public const string PinFailed = "pin-failed";

    /// <summary>A caller number or source address locked out of the operator line after too many wrong PINs.</summary>
    public const string LockedOut = "locked-out";

    /// <summary>An INVITE refused for policy (e.g. SRTP required and a plain offer: 488; a TLS client certificate refused).</summary>
    public const string InviteRefused = "invite-refused";

    private const int MaxDetail = 80;
    private readonly ILogger _logger = logger;

    /// <summary>
    /// True when events are written (the Warning level is on). Abuse paths test it before building a
    /// detail: a flood or a scan would otherwise format a string per request that nobody reads.
    /// </summary>
    public bool IsEnabled => _logger.IsEnabled(LogLevel.Warning);

    /// <summary>Writes one event; <paramref name="detail"/> is cleaned of quotes, backslashes and control characters and cut short.</summary>
    public void Event(string name, IPEndPoint source, string detail)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (IsEnabled)
        {
            var address = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4() : source.Address;
            Write(_logger, name, address, source.Port, Clean(detail));
        }
    }

    /// <summary>Printable ASCII only, no quote or backslash, at most 80 characters.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = Math.Min(text.Length, MaxDetail);
        var clean = true;
        for (var i = 0; i < length; i++)
        {
            clean &= text[i] is >= ' ' and <= '~' and not '"' and not '\\';
        }

        if (clean && length == text.Length)
        {
            return text;
        }

        return string.Create(length, text, static (span, t) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = t[i] is >= ' ' and <= '~' and not '"' and not '\\' ? t[i] : '?';
            }
        });
    }

    [LoggerMessage(EventId = 50, Level = LogLevel.Warning, Message = "SECURITY event={Event} src={Address} port={Port} detail=\"{Detail}\"")]
    private static partial void Write(ILogger logger, string @event, IPAddress address, int port, string detail);
}
