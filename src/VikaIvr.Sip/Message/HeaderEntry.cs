namespace VikaIvr.Sip.Message;

/// <summary>
/// A header as stored: ranges into the raw message for parsed headers, strings once
/// decoded or when built by code. Strings win over ranges when both exist.
/// </summary>
internal struct HeaderEntry
{
    public SipHeaderId Id;
    public int NameStart;
    public int NameLength;
    public int ValueStart;
    public int ValueLength;
    public string? Name;
    public string? Value;

    /// <summary>True when the raw bytes still describe the header exactly (not replaced by code).</summary>
    public bool IsRaw => NameLength > 0;
}
