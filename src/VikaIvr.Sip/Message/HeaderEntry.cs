namespace VikaIvr.Sip.Message;

/// <summary>
/// A header as stored, 16 bytes so a typical message's entry array stays small. A parsed line
/// is byte ranges into the raw message; a line added or replaced by code keeps its name and
/// value in the collection's side table (<see cref="Slot"/>), so no entry carries references.
/// </summary>
internal struct HeaderEntry
{
    public int NameStart;
    public int ValueStart;
    public int ValueLength;

    /// <summary>Name length of a parsed line; 0 for a built line.</summary>
    public ushort NameLength;
    public SipHeaderId Id;

    /// <summary>True when the raw bytes still describe the header exactly (not replaced by code).</summary>
    public readonly bool IsRaw => NameLength > 0;

    /// <summary>Index of a built line's name in the side table (its value follows it).</summary>
    public readonly int Slot => NameStart;

    public static HeaderEntry Built(SipHeaderId id, int slot) => new() { Id = id, NameStart = slot };
}
