namespace VikaIvr.Sip.Transactions;

/// <summary>
/// A server transaction key read into the caller's buffers (an ACK's branch and lower-cased sent-by):
/// looks a transaction up without making the key's strings.
/// </summary>
internal readonly ref struct SipTransactionKeySpan(ReadOnlySpan<char> branch, ReadOnlySpan<char> sentBy, string method)
{
    public ReadOnlySpan<char> Branch { get; } = branch;

    public ReadOnlySpan<char> SentBy { get; } = sentBy;

    public string Method { get; } = method;
}
