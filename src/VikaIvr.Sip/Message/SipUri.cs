using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace VikaIvr.Sip.Message;

/// <summary>
/// A sip:, sips: or tel: URI (any other scheme is kept opaque, so the UA can answer 416).
/// Parts are stored as written (escapes kept); use <see cref="SipText.Unescape"/> to compare.
/// An IPv6 host keeps its brackets: <c>[2001:db8::1]</c>.
/// </summary>
public sealed class SipUri
{
    private string? _text;

    public SipUri(string scheme, string? user, string host, int? port = null,
        SipParameterList? parameters = null, SipParameterList? headers = null, string? password = null)
    {
        Scheme = scheme.ToLowerInvariant();
        User = user;
        Password = password;
        Host = host;
        Port = port;
        Parameters = parameters ?? SipParameterList.Empty;
        Headers = headers ?? SipParameterList.Empty;
    }

    private SipUri(string scheme, string opaque, string text)
    {
        Scheme = scheme.ToLowerInvariant();
        Host = string.Empty;
        Opaque = opaque;
        Parameters = SipParameterList.Empty;
        Headers = SipParameterList.Empty;
        _text = text;
    }

    /// <summary>Lower-case scheme: "sip", "sips", "tel" or another scheme kept opaque.</summary>
    public string Scheme { get; }

    /// <summary>The user part (sip/sips) or the telephone number (tel), escapes kept.</summary>
    public string? User { get; }

    public string? Password { get; }

    /// <summary>Host as written; IPv6 references keep their brackets. Empty for tel: and opaque URIs.</summary>
    public string Host { get; }

    public int? Port { get; }

    /// <summary>uri-parameters (<c>;transport=tcp;lr</c>).</summary>
    public SipParameterList Parameters { get; }

    /// <summary>URI headers after <c>?</c> (<c>hname=hvalue</c>), escapes kept.</summary>
    public SipParameterList Headers { get; }

    /// <summary>Everything after the colon for a scheme that is not sip, sips or tel.</summary>
    public string? Opaque { get; }

    public bool IsSip => Scheme is "sip" or "sips";

    public bool IsSecure => Scheme == "sips";

    public bool IsTel => Scheme == "tel";

    public bool HostIsIPv6 => Host.StartsWith('[');

    /// <summary>host[:port] as it appears in the URI.</summary>
    public string HostPort => Port is { } p ? Host + ":" + p.ToString(CultureInfo.InvariantCulture) : Host;

    /// <summary>The user part with % escapes resolved (a %00 stays a NUL character).</summary>
    public string? UnescapedUser => User is null ? null : SipText.Unescape(User);

    public static SipUri Parse(string text) =>
        TryParse(text, out var uri) ? uri : throw new FormatException("Invalid URI: " + text);

    public static bool TryParse(string? text, [NotNullWhen(true)] out SipUri? uri)
    {
        uri = null;
        return text is not null && SipUriParser.TryParse(text, build: true, out uri, out _, text);
    }

    /// <summary>A copy with a uri-parameter set.</summary>
    public SipUri WithParameter(string name, string? value) =>
        new(Scheme, User, Host, Port, Parameters.With(name, value), Headers, Password);

    /// <summary>A copy without URI headers (e.g. before using a Contact as a Request-URI).</summary>
    public SipUri WithoutHeaders() => Headers.Count == 0 ? this : new(Scheme, User, Host, Port, Parameters, null, Password);

    public override string ToString() => _text ??= Compose();

    public override bool Equals(object? obj) =>
        obj is SipUri other && string.Equals(ToString(), other.ToString(), StringComparison.OrdinalIgnoreCase);

    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(ToString());

    internal static SipUri CreateOpaque(string scheme, string opaque, string text) => new(scheme, opaque, text);

    internal void SetText(string text) => _text = text;

    [SkipLocalsInit]
    private string Compose()
    {
        if (Opaque is not null)
        {
            return Scheme + ":" + Opaque;
        }

        // Built on the stack (pooled beyond it): the string is the only allocation.
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        text.AppendFormatted(Scheme);
        text.AppendLiteral(":");
        if (User is not null)
        {
            text.AppendFormatted(User);
            if (Password is not null)
            {
                text.AppendLiteral(":");
                text.AppendFormatted(Password);
            }

            if (!IsTel)
            {
                text.AppendLiteral("@");
            }
        }

        text.AppendFormatted(Host);
        if (Port is { } port)
        {
            text.AppendLiteral(":");
            text.AppendFormatted(port);
        }

        Parameters.AppendTo(ref text);
        for (var i = 0; i < Headers.Count; i++)
        {
            text.AppendLiteral(i == 0 ? "?" : "&");
            text.AppendFormatted(Headers[i].Name);
            if (Headers[i].Value is { } v)
            {
                text.AppendLiteral("=");
                text.AppendFormatted(v);
            }
        }

        return text.ToStringAndClear();
    }
}
