namespace VikaIvr.Media.Sdp;

/// <summary>An "o=" line (RFC 4566 5.2).</summary>
public sealed record SdpOrigin(string Username, ulong SessionId, ulong SessionVersion, string NetType, string AddressType, string Address)
{
    public override string ToString() => $"{Username} {SessionId} {SessionVersion} {NetType} {AddressType} {Address}";
}
