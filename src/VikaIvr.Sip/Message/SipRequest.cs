using System.Text;

namespace VikaIvr.Sip.Message;

/// <summary>A SIP request. Build one with <c>new SipRequest(method, uri)</c> and add headers.</summary>
public sealed class SipRequest : SipMessage
{
    private readonly ReadOnlyMemory<byte> _rawUri;
    private SipUri? _requestUri;
    private string? _requestUriText;
    private bool _uriReplaced;

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

    public override string ToString() => Method + " " + RequestUriText + " SIP/2.0";
}
