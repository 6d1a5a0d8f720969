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

    /// <summary>The a= lines; room for the usual audio section's (rtpmaps, fmtp, ptime, direction) from the start.</summary>
    public List<SdpAttribute> Attributes { get; } = new(8);

    /// <summary>Lines other than c= and a= (i=, b=, k=), kept as type and value (made on first use: most sections have none).</summary>
    public List<KeyValuePair<char, string>> OtherLines => _otherLines ??= [];

    /// <summary>The other lines when there are any (the writer reads them without making the list).</summary>
    internal List<KeyValuePair<char, string>>? OtherLinesIfAny => _otherLines;

    private List<KeyValuePair<char, string>>? _otherLines;

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
        => FindFormatAttribute(name, payloadType, out var value) ? value.ToString() : null;

    /// <summary><see cref="GetFormatAttribute"/> without the string: the value as a slice of the attribute's own text.</summary>
    internal bool FindFormatAttribute(string name, int payloadType, out ReadOnlySpan<char> found)
    {
        foreach (var a in Attributes)
        {
            if (a.Value is null || !string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (TryFormatValue(a.Value, payloadType, out found))
            {
                return true;
            }
        }

        found = default;
        return false;
    }

    /// <summary>
    /// A format attribute's value ("0 PCMU/8000") when it is for <paramref name="payloadType"/>: the rest after the type.
    /// </summary>
    internal static bool TryFormatValue(ReadOnlySpan<char> attributeValue, int payloadType, out ReadOnlySpan<char> rest)
    {
        var value = attributeValue.TrimStart();
        int space = value.IndexOf(' ');
        var pt = space < 0 ? value : value[..space];
        if (int.TryParse(pt, out int n) && n == payloadType)
        {
            rest = space < 0 ? [] : value[(space + 1)..].Trim();
            return true;
        }

        rest = default;
        return false;
    }

    /// <summary>The direction attribute in this section, or null when it has none.</summary>
    public SdpDirection? Direction => SdpDirections.Find(Attributes);
}
