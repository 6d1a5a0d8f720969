using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Core;

/// <summary>
/// Ordinal equality of the session table's (Call-ID, local tag) keys, which also compares a key with a
/// request's <see cref="SipDialogIds"/> (its Call-ID and To tag): an in-dialog request finds its session
/// without making those strings.
/// </summary>
internal sealed class SipSessionKeyComparer
    : IEqualityComparer<(string CallId, string LocalTag)>, IAlternateEqualityComparer<SipDialogIds, (string CallId, string LocalTag)>
{
    public static SipSessionKeyComparer Instance { get; } = new();

    public bool Equals((string CallId, string LocalTag) x, (string CallId, string LocalTag) y) =>
        string.Equals(x.CallId, y.CallId, StringComparison.Ordinal) && string.Equals(x.LocalTag, y.LocalTag, StringComparison.Ordinal);

    public int GetHashCode((string CallId, string LocalTag) obj) => Hash(obj.CallId, obj.LocalTag);

    public bool Equals(SipDialogIds alternate, (string CallId, string LocalTag) other) =>
        alternate.CallId.SequenceEqual(other.CallId) && alternate.ToTag.SequenceEqual(other.LocalTag);

    public int GetHashCode(SipDialogIds alternate) => Hash(alternate.CallId, alternate.ToTag);

    public (string CallId, string LocalTag) Create(SipDialogIds alternate) => (alternate.CallId.ToString(), alternate.ToTag.ToString());

    private static int Hash(ReadOnlySpan<char> callId, ReadOnlySpan<char> localTag) =>
        HashCode.Combine(string.GetHashCode(callId), string.GetHashCode(localTag));
}
