namespace VikaIvr.Sip.Message;

/// <summary>
/// Allocation-free reads of what transaction and dialog matching needs on every message. They
/// return the header bytes as received (UTF-8), trimmed; empty when absent. Unlike the typed views
/// they do not re-check the syntax: the parser's header validation has done that.
/// </summary>
public abstract partial class SipMessage
{
    /// <summary>The Call-ID value.</summary>
    public ReadOnlySpan<byte> CallIdBytes => SipRawFields.Trim(Headers.FirstUtf8(SipHeaderId.CallId));

    /// <summary>The branch parameter of the top Via.</summary>
    public ReadOnlySpan<byte> TopViaBranchBytes =>
        SipRawFields.Param(SipRawFields.ViaParams(SipRawFields.FirstItem(Headers.FirstUtf8(SipHeaderId.Via))), "branch"u8);

    /// <summary>The tag parameter of From.</summary>
    public ReadOnlySpan<byte> FromTagBytes => TagOf(SipHeaderId.From);

    /// <summary>The tag parameter of To (empty outside a dialog).</summary>
    public ReadOnlySpan<byte> ToTagBytes => TagOf(SipHeaderId.To);

    /// <summary>The CSeq number and method; false when the header is absent or malformed.</summary>
    public bool TryGetCSeq(out uint number, out ReadOnlySpan<byte> method) =>
        SipRawFields.TryCSeq(Headers.FirstUtf8(SipHeaderId.CSeq), out number, out method);

    private ReadOnlySpan<byte> TagOf(SipHeaderId id) =>
        SipRawFields.Param(SipRawFields.NameAddrParams(SipRawFields.FirstItem(Headers.FirstUtf8(id))), "tag"u8);
}
