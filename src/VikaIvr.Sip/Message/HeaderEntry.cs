namespace VikaIvr.Sip.Message;

/// <summary>
/// A header as stored, 16 bytes so a typical message's entry array stays small. A parsed line
/// is byte ranges into the raw message; a line added or replaced by code keeps its value in the
/// collection's side table (<see cref="ValueSlot"/>), preceded by its name only when that is not the
/// header's canonical name (<see cref="HasOwnName"/>), so no entry carries references.
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

    /// <summary>True when a built line's name is in the side table (at <see cref="NameStart"/>, its value after it); false: the canonical name of <see cref="Id"/>.</summary>
    public readonly bool HasOwnName => ValueStart != 0;

    /// <summary>Index of a built line's value in the side table.</summary>
    public readonly int ValueSlot => NameStart + ValueStart;

    /// <summary>A built line whose strings start at <paramref name="slot"/>: its name there and its value after it when <paramref name="ownName"/>, else its value alone.</summary>
    public static HeaderEntry Built(SipHeaderId id, int slot, bool ownName) => new() { Id = id, NameStart = slot, ValueStart = ownName ? 1 : 0 };
}
