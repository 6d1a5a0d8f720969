namespace VikaIvr.Media.Sdp;

/// <summary>Text form of <see cref="SdpDirection"/> and the RFC 3264 answer rule.</summary>
public static class SdpDirections
{
    public static string ToAttributeName(this SdpDirection direction) => direction switch
    {
        SdpDirection.SendOnly => "sendonly",
        SdpDirection.RecvOnly => "recvonly",
        SdpDirection.Inactive => "inactive",
        _ => "sendrecv",
    };

    public static bool TryParse(string name, out SdpDirection direction)
    {
        switch (name.ToLowerInvariant())
        {
            case "sendrecv": direction = SdpDirection.SendRecv; return true;
            case "sendonly": direction = SdpDirection.SendOnly; return true;
            case "recvonly": direction = SdpDirection.RecvOnly; return true;
            case "inactive": direction = SdpDirection.Inactive; return true;
            default: direction = SdpDirection.SendRecv; return false;
        }
    }

    /// <summary>The direction an answerer that wants sendrecv may use for a given offer (RFC 3264 6.1).</summary>
    public static SdpDirection Reverse(this SdpDirection offered) => offered switch
    {
        SdpDirection.SendOnly => SdpDirection.RecvOnly,
        SdpDirection.RecvOnly => SdpDirection.SendOnly,
        SdpDirection.Inactive => SdpDirection.Inactive,
        _ => SdpDirection.SendRecv,
    };

    public static bool Sends(this SdpDirection d) => d is SdpDirection.SendRecv or SdpDirection.SendOnly;

    public static bool Receives(this SdpDirection d) => d is SdpDirection.SendRecv or SdpDirection.RecvOnly;

    internal static SdpDirection? Find(List<SdpAttribute> attributes)
    {
        foreach (var a in attributes)
        {
            if (a.Value is null && TryParse(a.Name, out var d))
            {
                return d;
            }
        }

        return null;
    }
}
