namespace VikaIvr.Sip.Message;

/// <summary>Typed header views of one version of a header collection, each built on first use.</summary>
internal sealed class SipMessageViews(SipHeaderCollection headers)
{
    public string? CallId => _callId ??= headers.FirstValueUncached(SipHeaderId.CallId)?.Trim();

    public SipCSeq? CSeq => _cseq ??= headers.ParseFirst(SipHeaderId.CSeq,
        static chars => SipCSeq.TryParse(chars, build: true, out var v, out _) ? v : null);

    /// <summary>The first valid Via value; only the top line's first item is read when it is valid.</summary>
    public SipVia? TopVia => _topVia ??= headers.ParseFirst(SipHeaderId.Via, static chars =>
    {
        var pos = 0;
        return SipListSplitter.Next(chars, ref pos, out var item) && SipVia.TryParse(chars[item], build: true, out var via, out _)
            ? via
            : null;
    }) ?? (Vias.Count > 0 ? Vias[0] : null);

    public SipNameAddr? From => _from ??= NameAddr(SipHeaderId.From);

    public SipNameAddr? To => _to ??= NameAddr(SipHeaderId.To);

    public SipNameAddr? ReferTo => _referTo ??= NameAddr(SipHeaderId.ReferTo);

    public SipNameAddr? ReferredBy => _referredBy ??= NameAddr(SipHeaderId.ReferredBy);

    public IReadOnlyList<SipVia> Vias => _vias ??= ParseVias();

    public IReadOnlyList<SipNameAddr> Contacts => _contacts ??= NameAddrs(SipHeaderId.Contact);

    public IReadOnlyList<SipNameAddr> Routes => _routes ??= NameAddrs(SipHeaderId.Route);

    public IReadOnlyList<SipNameAddr> RecordRoutes => _recordRoutes ??= NameAddrs(SipHeaderId.RecordRoute);

    public SipContentType? ContentType =>
        _contentType ??= SipContentType.TryParse(headers.Get(SipHeaderId.ContentType), out var v) ? v : null;

    public SipParameterizedValue? Event =>
        _event ??= SipParameterizedValue.TryParse(headers.Get(SipHeaderId.Event), out var v) ? v : null;

    public SipParameterizedValue? SubscriptionState =>
        _subscriptionState ??= SipParameterizedValue.TryParse(headers.Get(SipHeaderId.SubscriptionState), out var v) ? v : null;

    public IReadOnlyList<SipAuthHeaderValue> WwwAuthenticate => _www ??= Auths(SipHeaderId.WwwAuthenticate);

    public IReadOnlyList<SipAuthHeaderValue> ProxyAuthenticate => _proxyAuth ??= Auths(SipHeaderId.ProxyAuthenticate);

    public SipAuthHeaderValue? Authorization =>
        _authorization ??= SipAuthHeaderValue.TryParse(headers.Get(SipHeaderId.Authorization), out var v) ? v : null;

    public SipAuthHeaderValue? ProxyAuthorization =>
        _proxyAuthorization ??= SipAuthHeaderValue.TryParse(headers.Get(SipHeaderId.ProxyAuthorization), out var v) ? v : null;

    private string? _callId;
    private SipCSeq? _cseq;
    private SipVia? _topVia;
    private SipNameAddr? _from, _to, _referTo, _referredBy;
    private IReadOnlyList<SipVia>? _vias;
    private IReadOnlyList<SipNameAddr>? _contacts, _routes, _recordRoutes;
    private SipContentType? _contentType;
    private SipParameterizedValue? _event, _subscriptionState;
    private IReadOnlyList<SipAuthHeaderValue>? _www, _proxyAuth;
    private SipAuthHeaderValue? _authorization, _proxyAuthorization;

    private SipNameAddr? NameAddr(SipHeaderId id) => headers.ParseFirst(id,
        static chars => SipNameAddr.TryParse(chars, build: true, out var v, out _) ? v : null);

    private List<SipVia> ParseVias()
    {
        var list = new List<SipVia>();
        foreach (var text in headers.GetAll(SipHeaderId.Via))
        {
            if (SipVia.TryParse(text, out var via))
            {
                list.Add(via);
            }
        }

        return list;
    }

    private List<SipNameAddr> NameAddrs(SipHeaderId id)
    {
        var list = new List<SipNameAddr>();
        foreach (var text in headers.GetAll(id))
        {
            if (SipNameAddr.TryParse(text, out var value))
            {
                list.Add(value);
            }
        }

        return list;
    }

    private List<SipAuthHeaderValue> Auths(SipHeaderId id)
    {
        var list = new List<SipAuthHeaderValue>();
        foreach (var text in headers.GetLines(SipHeaderNames.GetName(id)))
        {
            if (SipAuthHeaderValue.TryParse(text, out var value))
            {
                list.Add(value);
            }
        }

        return list;
    }
}
