namespace VikaIvr.Sip.Message;

/// <summary>
/// Typed header views of one version of a header collection, each built on first use. The
/// views read on every message live here; the rest sit in <see cref="SipMessageRareViews"/>,
/// made only when asked, so a message that is only matched carries a small object.
/// </summary>
internal sealed class SipMessageViews(SipHeaderCollection headers)
{
    private string? _callId;
    private SipCSeq? _cseq;
    private SipVia? _topVia;
    private SipNameAddr? _from, _to;
    private IReadOnlyList<SipVia>? _vias;
    private IReadOnlyList<SipNameAddr>? _contacts;
    private SipMessageRareViews? _rare;
    private string? _fromTag, _toTag;
    private SipNameAddr? _contact;
    private bool _topViaOfFirstLine;

    public string? CallId => _callId ??= headers.FirstValueUncached(SipHeaderId.CallId)?.Trim();

    public SipCSeq? CSeq => _cseq ??= headers.ParseFirst(SipHeaderId.CSeq,
        static chars => SipCSeq.TryParse(chars, build: true, out var v, out _) ? v : null);

    /// <summary>The first valid Via value; only the top line's first item is read when it is valid.</summary>
    public SipVia? TopVia => _topVia ??= ReadTopVia();

    /// <summary>The top Via when it is the first item of the first Via line (null otherwise).</summary>
    public SipVia? FirstLineTopVia => TopVia is { } via && _topViaOfFirstLine ? via : null;

    /// <summary>The first valid Contact; the first line's first item is read alone when it is valid.</summary>
    public SipNameAddr? Contact => _contact ??= headers.ParseFirst(SipHeaderId.Contact, static chars =>
    {
        var items = SipList.Items(chars);
        return items.MoveNext() && SipNameAddr.TryParse(items.Current, build: true, out var contact, out _) ? contact : null;
    }) ?? (Contacts.Count > 0 ? Contacts[0] : null);

    public SipNameAddr? From => _from ??= NameAddr(headers, SipHeaderId.From);

    public SipNameAddr? To => _to ??= NameAddr(headers, SipHeaderId.To);

    public IReadOnlyList<SipVia> Vias => _vias ??= ParseVias();

    /// <summary>
    /// The From tag without building the address when it is not built yet: null when From is
    /// absent or malformed (as <c>From?.Tag</c>), empty when it has no tag.
    /// </summary>
    public string? FromTag => _fromTag ??= _from is { } from ? from.Tag ?? string.Empty : Tag(headers, SipHeaderId.From);

    /// <summary>The To tag as <see cref="FromTag"/>: null when To is absent or malformed, empty when it has no tag.</summary>
    public string? ToTag => _toTag ??= _to is { } to ? to.Tag ?? string.Empty : Tag(headers, SipHeaderId.To);

    public IReadOnlyList<SipNameAddr> Contacts => _contacts ??= NameAddrs(headers, SipHeaderId.Contact);

    public SipMessageRareViews Rare => _rare ??= new SipMessageRareViews(headers);

    internal static SipNameAddr? NameAddr(SipHeaderCollection headers, SipHeaderId id) => headers.ParseFirst(id,
        static chars => SipNameAddr.TryParse(chars, build: true, out var v, out _) ? v : null);

    private static string? Tag(SipHeaderCollection headers, SipHeaderId id) => headers.ParseFirst(id,
        static chars => SipNameAddr.TryParseTag(chars, out var tag) ? tag ?? string.Empty : null);

    internal static List<SipNameAddr> NameAddrs(SipHeaderCollection headers, SipHeaderId id)
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

    private SipVia? ReadTopVia()
    {
        var first = headers.ParseFirst(SipHeaderId.Via, static chars =>
        {
            var items = SipList.Items(chars);
            return items.MoveNext() && SipVia.TryParse(items.Current, build: true, out var via, out _) ? via : null;
        });
        _topViaOfFirstLine = first is not null;
        return first ?? (Vias.Count > 0 ? Vias[0] : null);
    }

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
}
