using System.Runtime.CompilerServices;
using System.Text;

namespace VikaIvr.Sip.Message;

/// <summary>A SIP request. Build one with <c>new SipRequest(method, uri)</c> and add headers.</summary>
public sealed class SipRequest : SipMessage
{
    private readonly ReadOnlyMemory<byte> _rawUri;
    private SipUri? _requestUri;
    private string? _requestUriText;
    private bool _uriReplaced;
    private const int RawUriStackChars = 256;
    private byte _rawUriRead;
    private bool _rawSipOrTel;
    private string? _rawUser;

    public SipRequest(string method, SipUri requestUri)
        : base(new SipHeaderCollection(), ReadOnlyMemory<byte>.Empty)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        Method = method;
        _requestUri = requestUri;
    }

    internal SipRequest(string method, ReadOnlyMemory<byte> rawUri, SipHeaderCollection headers, ReadOnlyMemory<byte> body)
        : base(headers, body)
    {
        Method = method;
        _rawUri = rawUri;
    }

    public override bool IsRequest => true;

    /// <summary>The method, case-sensitive; well-known methods are the <see cref="SipMethods"/> constants.</summary>
    public string Method { get; }

    /// <summary>
    /// The Request-URI (any scheme; non-sip/tel schemes are opaque so the UA can answer 416).
    /// A malformed one (only on a <see cref="SipParseError.PartialRequest"/>) reads as an opaque
    /// URI with the scheme "invalid" rather than throwing.
    /// </summary>
    public SipUri RequestUri
    {
        get => _requestUri ??= SipUri.TryParse(RequestUriText, out var uri)
            ? uri
            : SipUri.CreateOpaque("invalid", RequestUriText, RequestUriText);
        set
        {
            _requestUri = value;
            _requestUriText = null;
            _uriReplaced = true;
        }
    }

    /// <summary>The Request-URI exactly as received (or as built).</summary>
    public string RequestUriText =>
        _requestUriText ??= _requestUri?.ToString() ?? Encoding.UTF8.GetString(_rawUri.Span);

    /// <summary>The received Request-URI bytes while the URI is unchanged; empty once replaced or built.</summary>
    internal ReadOnlySpan<byte> RawRequestUri => _uriReplaced ? default : _rawUri.Span;

    /// <summary>True when the Request-URI is sip:, sips: or tel: (<c>RequestUri.IsSip || RequestUri.IsTel</c>), read without building it.</summary>
    internal bool HasSipOrTelUri => ReadRawUri() ? _rawSipOrTel : RequestUri.IsSip || RequestUri.IsTel;

    /// <summary>The Request-URI's user part unescaped (<c>RequestUri.UnescapedUser</c>), read without building the URI.</summary>
    internal string? UnescapedRequestUser => ReadRawUri() ? _rawUser : RequestUri.UnescapedUser;

    public override string ToString() => Method + " " + RequestUriText + " SIP/2.0";

    /// <summary>Reads scheme and user from the received bytes once; false when the URI must be built (replaced, long, or not valid).</summary>
    [SkipLocalsInit]
    private bool ReadRawUri()
    {
        if (_rawUriRead != 0 || _requestUri is not null)
        {
            return _rawUriRead == 1 && !_uriReplaced;
        }

        var raw = RawRequestUri;
        _rawUriRead = 2;
        if (raw.IsEmpty || raw.Length > RawUriStackChars)
        {
            return false;
        }

        Span<char> chars = stackalloc char[RawUriStackChars];
        var text = chars[..Encoding.UTF8.GetChars(raw, chars)];
        if (!SipUriParser.TryReadUser(text, out var user))
        {
            return false;
        }

        var scheme = text[..text.IndexOf(':')];
        _rawSipOrTel = scheme.Equals("sip", StringComparison.OrdinalIgnoreCase) || scheme.Equals("sips", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("tel", StringComparison.OrdinalIgnoreCase);
        _rawUser = user is null ? null : SipText.Unescape(user);
        _rawUriRead = 1;
        return true;
    }
}
