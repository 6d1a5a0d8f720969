namespace VikaIvr.Media.Sdp;

/// <summary>One "m=" section with its own lines (RFC 4566 5.14).</summary>
public sealed class SdpMediaDescription
{
    public required string Media { get; set; }

    public int Port { get; set; }

    public int? PortCount { get; set; }

    public required string Protocol { get; set; }

    /// <summary>The format list (payload type numbers for RTP), in the writer's order of preference.</summary>
    public List<string> Formats { get; } = [];

    public SdpConnection? Connection { get; set; }

    public List<SdpAttribute> Attributes { get; } = [];

    /// <summary>Lines other than c= and a= (i=, b=, k=), kept as type and value.</summary>
    public List<KeyValuePair<char, string>> OtherLines { get; } = [];

    public string? GetAttribute(string name)
    {
        foreach (var a in Attributes)
        {
            if (string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return a.Value ?? "";
            }
        }

        return null;
    }

    /// <summary>The value of "a=rtpmap:PT ..." or "a=fmtp:PT ..." after the payload type, or null.</summary>
    public string? GetFormatAttribute(string name, int payloadType)
    {
        foreach (var a in Attributes)
        {
            if (a.Value is null || !string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = a.Value.AsSpan().TrimStart();
            int space = value.IndexOf(' ');
            var pt = space < 0 ? value : value[..space];
            if (int.TryParse(pt, out int n) && n == payloadType)
            {
                return space < 0 ? "" : value[(space + 1)..].Trim().ToString();
            }
        }

        return null;
    }

    /// <summary>The direction attribute in this section, or null when it has none.</summary>
    public SdpDirection? Direction => SdpDirections.Find(Attributes);
}
