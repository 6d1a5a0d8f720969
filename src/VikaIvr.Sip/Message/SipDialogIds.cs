namespace VikaIvr.Sip.Message;

/// <summary>
/// A request's Call-ID, To tag and From tag read into the caller's buffer: what finds and matches its
/// dialog, without their strings. A tag is empty when absent (as <c>ToTag ?? ""</c>).
/// </summary>
internal readonly ref struct SipDialogIds(ReadOnlySpan<char> callId, ReadOnlySpan<char> toTag, ReadOnlySpan<char> fromTag)
{
    public ReadOnlySpan<char> CallId { get; } = callId;

    public ReadOnlySpan<char> ToTag { get; } = toTag;

    public ReadOnlySpan<char> FromTag { get; } = fromTag;
}
