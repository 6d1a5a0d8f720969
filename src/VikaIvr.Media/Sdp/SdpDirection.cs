namespace VikaIvr.Media.Sdp;

/// <summary>The RFC 4566 direction attributes, from the point of view of the side that wrote them.</summary>
public enum SdpDirection
{
    SendRecv,
    SendOnly,
    RecvOnly,
    Inactive,
}
