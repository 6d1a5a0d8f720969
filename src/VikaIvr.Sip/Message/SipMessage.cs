using System.Globalization;

namespace VikaIvr.Sip.Message;

/// <summary>
/// A SIP request or response. Parsed and built messages are the same types: a parsed message
/// keeps its raw bytes and decodes header strings and typed views on first use; any change
/// through <see cref="Headers"/> invalidates the cached typed views. Typed views never throw:
/// an absent or malformed header reads as null (or an empty list).
/// </summary>
public abstract partial class SipMessage
{
    private SipMessageViews? _views;
    private int _viewsVersion;

    protected SipMessage(SipHeaderCollection headers, ReadOnlyMemory<byte> body)
    {
        Headers = headers;
        Body = body;
    }

    public SipHeaderCollection Headers { get; }

    /// <summary>The body; the serializer always writes a matching Content-Length.</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    public abstract bool IsRequest { get; }

    public string? CallId => Views.CallId;

    public SipCSeq? CSeq => Views.CSeq;

    public SipNameAddr? From => Views.From;

    public SipNameAddr? To => Views.To;

    /// <summary>From's tag (<c>From?.Tag</c>) read without building the address.</summary>
    internal string? FromTag => Views.FromTag is { Length: > 0 } tag ? tag : null;

    /// <summary>To's tag (<c>To?.Tag</c>) read without building the address.</summary>
    internal string? ToTag => Views.ToTag is { Length: > 0 } tag ? tag : null;

    /// <summary>True when To is present and well-formed (<c>To is not null</c>) without building it.</summary>
    internal bool HasValidTo => Views.ToTag is not null;

    /// <summary>From's tag as the dialog keeps it (<c>From?.Tag ?? ""</c>); null when From is absent or malformed.</summary>
    internal string? FromTagOrEmpty => Views.FromTag;

    /// <summary>
    /// The user part of the URI of the first <paramref name="id"/> address (From, To) as written, without
    /// building the address: null when the header is absent or malformed, empty when the URI has no user.
    /// </summary>
    internal string? AddressUser(SipHeaderId id) => Headers.ParseFirst(id, static chars =>
        SipNameAddr.TryLocateUri(chars, out var uri) && SipUriParser.TryReadUser(chars[uri], out var user) ? user ?? string.Empty : null);

    /// <summary>All Via values, top first (comma lists and separate lines in order).</summary>
    public IReadOnlyList<SipVia> Vias => Views.Vias;

    public SipVia? TopVia => Views.TopVia;

    public IReadOnlyList<SipNameAddr> Contacts => Views.Contacts;

    public SipNameAddr? Contact => Views.Contact;

    /// <summary>The top Via when it is the first item of the first Via line (what a response's copy of that line holds).</summary>
    internal SipVia? FirstLineTopVia => Views.FirstLineTopVia;

    public IReadOnlyList<SipNameAddr> Routes => Views.Rare.Routes;

    public IReadOnlyList<SipNameAddr> RecordRoutes => Views.Rare.RecordRoutes;

    public int? MaxForwards => ParseInt(SipHeaderId.MaxForwards);

    /// <summary>The Content-Length header as received (null when absent); not the body length.</summary>
    public int? ContentLength => ParseInt(SipHeaderId.ContentLength);

    /// <summary>Expires header in seconds; null when absent or out of range.</summary>
    public int? Expires => ParseInt(SipHeaderId.Expires);

    public SipContentType? ContentType => Views.Rare.ContentType;

    /// <summary>
    /// "application/sdp" when the first Content-Type line says exactly that (what <c>ContentType?.ToString()</c>
    /// would return), read from its bytes without parsing; null otherwise (ask <see cref="ContentType"/>).
    /// </summary>
    internal string? PlainSdpContentType
    {
        get
        {
            var raw = Headers.FirstRawValue(SipHeaderId.ContentType);
            return raw[System.Text.Ascii.Trim(raw)].SequenceEqual("application/sdp"u8) ? "application/sdp" : null;
        }
    }

    public IReadOnlyList<string> Require => Headers.GetAll(SipHeaderId.Require);

    public IReadOnlyList<string> ProxyRequire => Headers.GetAll(SipHeaderId.ProxyRequire);

    public IReadOnlyList<string> Supported => Headers.GetAll(SipHeaderId.Supported);

    public IReadOnlyList<string> Unsupported => Headers.GetAll(SipHeaderId.Unsupported);

    public IReadOnlyList<string> Allow => Headers.GetAll(SipHeaderId.Allow);

    public IReadOnlyList<string> Accept => Headers.GetAll(SipHeaderId.Accept);

    public SipParameterizedValue? Event => Views.Rare.Event;

    public SipParameterizedValue? SubscriptionState => Views.Rare.SubscriptionState;

    public SipNameAddr? ReferTo => Views.Rare.ReferTo;

    public SipNameAddr? ReferredBy => Views.Rare.ReferredBy;

    public IReadOnlyList<SipAuthHeaderValue> WwwAuthenticate => Views.Rare.WwwAuthenticate;

    public IReadOnlyList<SipAuthHeaderValue> ProxyAuthenticate => Views.Rare.ProxyAuthenticate;

    public SipAuthHeaderValue? Authorization => Views.Rare.Authorization;

    public SipAuthHeaderValue? ProxyAuthorization => Views.Rare.ProxyAuthorization;

    /// <summary>Sets the body and its Content-Type (null content type removes the header).</summary>
    public void SetBody(ReadOnlyMemory<byte> body, string? contentType)
    {
        Body = body;
        if (contentType is null)
        {
            Headers.Remove(SipHeaderId.ContentType);
        }
        else
        {
            Headers.Set(SipHeaderId.ContentType, contentType);
        }
    }

    private SipMessageViews Views
    {
        get
        {
            if (_views is null || _viewsVersion != Headers.Version)
            {
                _views = new SipMessageViews(Headers);
                _viewsVersion = Headers.Version;
            }

            return _views;
        }
    }

    private int? ParseInt(SipHeaderId id)
    {
        // A received one-line value parses from its bytes (no string); anything else as before.
        var raw = Headers.FirstRawValue(id);
        if (!raw.IsEmpty && raw.IndexOfAny((byte)'\r', (byte)'\n') < 0
            && int.TryParse(raw[System.Text.Ascii.Trim(raw)], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var text = Headers.Get(id);
        return text is not null && int.TryParse(text.AsSpan().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }
}
