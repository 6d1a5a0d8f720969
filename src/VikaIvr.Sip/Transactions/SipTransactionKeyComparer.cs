namespace VikaIvr.Sip.Transactions;

/// <summary>
/// Ordinal equality of server transaction keys (as the key's own), which also compares a key with a
/// <see cref="SipTransactionKeySpan"/>: the table is searched with the spans of a received ACK.
/// </summary>
internal sealed class SipTransactionKeyComparer
    : IEqualityComparer<SipTransactionKey>, IAlternateEqualityComparer<SipTransactionKeySpan, SipTransactionKey>
{
    public static SipTransactionKeyComparer Instance { get; } = new();

    public bool Equals(SipTransactionKey x, SipTransactionKey y) =>
        string.Equals(x.Branch, y.Branch, StringComparison.Ordinal) && string.Equals(x.SentBy, y.SentBy, StringComparison.Ordinal)
        && string.Equals(x.Method, y.Method, StringComparison.Ordinal);

    public int GetHashCode(SipTransactionKey obj) => Hash(obj.Branch, obj.SentBy, obj.Method);

    public bool Equals(SipTransactionKeySpan alternate, SipTransactionKey other) =>
        alternate.Branch.SequenceEqual(other.Branch) && alternate.SentBy.SequenceEqual(other.SentBy)
        && string.Equals(alternate.Method, other.Method, StringComparison.Ordinal);

    public int GetHashCode(SipTransactionKeySpan alternate) => Hash(alternate.Branch, alternate.SentBy, alternate.Method);

    public SipTransactionKey Create(SipTransactionKeySpan alternate) =>
        new(alternate.Branch.ToString(), alternate.SentBy.ToString(), alternate.Method);

    private static int Hash(ReadOnlySpan<char> branch, ReadOnlySpan<char> sentBy, string? method) =>
        HashCode.Combine(string.GetHashCode(branch), string.GetHashCode(sentBy), string.GetHashCode(method.AsSpan()));
}
