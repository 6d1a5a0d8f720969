namespace VikaIvr.Sip.Message;

/// <summary>The typed views few messages need (routing sets, REFER, events, auth), built on first use.</summary>
internal sealed class SipMessageRareViews(SipHeaderCollection headers)
{
    private SipNameAddr? _referTo, _referredBy;
    private IReadOnlyList<SipNameAddr>? _routes, _recordRoutes;
    private SipContentType? _contentType;
    private SipParameterizedValue? _event, _subscriptionState;
    private IReadOnlyList<SipAuthHeaderValue>? _www, _proxyAuth;
    private SipAuthHeaderValue? _authorization, _proxyAuthorization;

    public SipNameAddr? ReferTo => _referTo ??= SipMessageViews.NameAddr(headers, SipHeaderId.ReferTo);

    public SipNameAddr? ReferredBy => _referredBy ??= SipMessageViews.NameAddr(headers, SipHeaderId.ReferredBy);

    public IReadOnlyList<SipNameAddr> Routes => _routes ??= SipMessageViews.NameAddrs(headers, SipHeaderId.Route);

    public IReadOnlyList<SipNameAddr> RecordRoutes => _recordRoutes ??= SipMessageViews.NameAddrs(headers, SipHeaderId.RecordRoute);

    public SipContentType? ContentType =>
        _contentType ??= SipContentType.TryParse(headers.FirstValueUncached(SipHeaderId.ContentType), out var v) ? v : null;

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
