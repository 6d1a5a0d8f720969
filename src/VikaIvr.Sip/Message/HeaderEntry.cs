namespace VikaIvr.Sip.Message;

/// <summary>
/// A header as stored, 16 bytes so a typical message's entry array stays small. A parsed line
/// is byte ranges into the raw message; a line added or replaced by code keeps its value in the
/// collection's side table (<see cref="ValueSlot"/>), preceded by its name only when that is not the
/// header's canonical name (<see cref="HasOwnName"/>), so no entry carries references. A spliced
/// line (<see cref="Splice"/>) is a raw value with a little text the serializer writes into it.
/// </summary>
internal struct HeaderEntry
{
    public int NameStart;
    public int ValueStart;
    public int ValueLength;

    /// <summary>Name length of a parsed line; 0 for a built line; for a spliced one, <see cref="RportAt"/>.</summary>
    public ushort NameLength;
    public SipHeaderId Id;
    /// <summary>What a spliced line adds to its raw value (in the struct's padding byte: no bigger entry).</summary>
    public HeaderSplice Splice;

    /// <summary>True when the raw bytes still describe the header exactly (not replaced by code).</summary>
    public readonly bool IsRaw => NameLength > 0 && Splice == HeaderSplice.None;

    /// <summary>True when a built line's name is in the side table (at <see cref="NameStart"/>, its value after it); false: the canonical name of <see cref="Id"/>.</summary>
    public readonly bool HasOwnName => Splice == HeaderSplice.None && ValueStart != 0;

    /// <summary>True for a raw value the serializer writes a stamp or tag into (<see cref="Splice"/>).</summary>
    public readonly bool IsSpliced => Splice != HeaderSplice.None;

    /// <summary>Index of a built line's value in the side table.</summary>
    public readonly int ValueSlot => NameStart + ValueStart;

    /// <summary>A spliced line's offset in its raw value after which <c>=</c> and <see cref="Rport"/> go; 0: none.</summary>
    public readonly int RportAt => NameLength;

    /// <summary>A spliced line's port for <see cref="RportAt"/>.</summary>
    public readonly int Rport => NameStart & 0xFFFF;

    /// <summary>Index in the side table of the text a spliced line ends with (after <see cref="HeaderSplice"/>'s literal); -1: none.</summary>
    public readonly int SuffixSlot => (NameStart >>> 16) - 1;

    /// <summary>A built line whose strings start at <paramref name="slot"/>: its name there and its value after it when <paramref name="ownName"/>, else its value alone.</summary>
    public static HeaderEntry Built(SipHeaderId id, int slot, bool ownName) => new() { Id = id, NameStart = slot, ValueStart = ownName ? 1 : 0 };

    /// <summary>
    /// The raw value of <paramref name="raw"/> (under its header's canonical name) with <c>=</c><paramref name="rport"/>
    /// after offset <paramref name="rportAt"/> (0: none) and the literal of <paramref name="splice"/> and the side
    /// table's text at <paramref name="suffixSlot"/> (-1: none) at its end. Port and slot share <see cref="NameStart"/>.
    /// </summary>
    public static HeaderEntry Spliced(in HeaderEntry raw, HeaderSplice splice, int rportAt, int rport, int suffixSlot) => new()
    {
        Id = raw.Id,
        Splice = splice,
        ValueStart = raw.ValueStart,
        ValueLength = raw.ValueLength,
        NameLength = (ushort)rportAt,
        NameStart = (ushort)rport | ((suffixSlot + 1) << 16),
    };
}
