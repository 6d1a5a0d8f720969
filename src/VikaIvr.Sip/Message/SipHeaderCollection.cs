using System.Collections;
using System.Text;

namespace VikaIvr.Sip.Message;

/// <summary>
/// The ordered header lines of a message. Parsed headers stay as byte ranges into the
/// message until read; names resolve compact forms and ignore case. Any change bumps
/// <see cref="Version"/> so typed views cached by the message are rebuilt.
/// </summary>
public sealed partial class SipHeaderCollection : IEnumerable<SipHeader>
{
    private readonly ReadOnlyMemory<byte> _source;
    private HeaderEntry[] _entries;
    private int _count;

    // Values of lines added or replaced by code, each after its name when that is not the canonical one; entries point here by slot.
    private string[]? _built;
    private int _builtCount;

    // Decoded strings of parsed lines, made on first read and dropped on any change; names apart
    // because the hot path reads values only.
    private string?[]? _decodedValues;
    private string?[]? _decodedNames;

    public SipHeaderCollection()
    {
        _entries = [];
    }

    internal SipHeaderCollection(ReadOnlyMemory<byte> source, HeaderEntry[] entries, int count)
    {
        _source = source;
        _entries = entries;
        _count = count;
    }

    public int Count => _count;

    /// <summary>Incremented on every change.</summary>
    public int Version { get; private set; }

    public SipHeader this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
            return new SipHeader(_entries[index].Id, NameAt(index), ValueAt(index));
        }
    }

    internal ReadOnlyMemory<byte> Source => _source;

    internal ref HeaderEntry EntryAt(int index) => ref _entries[index];

    /// <summary>First value of the header (whole line, not split at commas), or null.</summary>
    public string? Get(string name) => Get(SipHeaderNames.Resolve(name), name);

    public string? Get(SipHeaderId id) => Get(id, null);

    /// <summary>True when at least one line of the header exists.</summary>
    public bool Contains(string name) => IndexOf(SipHeaderNames.Resolve(name), name, 0) >= 0;

    public bool Contains(SipHeaderId id) => IndexOf(id, null, 0) >= 0;

    /// <summary>How many lines carry the header.</summary>
    public int CountLines(SipHeaderId id)
    {
        var n = 0;
        for (var i = IndexOf(id, null, 0); i >= 0; i = IndexOf(id, null, i + 1))
        {
            n++;
        }

        return n;
    }

    /// <summary>
    /// All values of the header across lines; list headers (RFC 3261 7.3.1) are split at
    /// commas that are outside quotes and angle brackets. Unknown headers are never split.
    /// </summary>
    public IReadOnlyList<string> GetAll(string name) => GetAll(SipHeaderNames.Resolve(name), name);

    public IReadOnlyList<string> GetAll(SipHeaderId id) => GetAll(id, null);

    /// <summary>All lines of the header, unsplit.</summary>
    public IReadOnlyList<string> GetLines(string name)
    {
        var id = SipHeaderNames.Resolve(name);
        var result = new List<string>();
        for (var i = IndexOf(id, name, 0); i >= 0; i = IndexOf(id, name, i + 1))
        {
            result.Add(ValueAt(i));
        }

        return result;
    }

    /// <summary>Appends a header line at the end.</summary>
    public void Add(string name, string value) => Insert(_count, name, value);

    public void Add(SipHeaderId id, string value) => Insert(_count, SipHeaderNames.GetName(id), value);

    /// <summary>Inserts a header line at a position (0 = first line).</summary>
    public void Insert(int index, string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)index, (uint)_count, nameof(index));
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, Math.Max(8, _count * 2));
        }

        Array.Copy(_entries, index, _entries, index + 1, _count - index);
        _entries[index] = Store(SipHeaderNames.Resolve(name), name, value);
        _count++;
        Changed();
    }

    /// <summary>
    /// Inserts the value above all existing lines of the same header (the "top" Via / Record-Route);
    /// when none exists the line goes first.
    /// </summary>
    public void InsertFirst(string name, string value)
    {
        var i = IndexOf(SipHeaderNames.Resolve(name), name, 0);
        Insert(i < 0 ? 0 : i, name, value);
    }

    public void InsertFirst(SipHeaderId id, string value) => InsertFirst(SipHeaderNames.GetName(id), value);

    /// <summary>Replaces the header: the first line gets the value, other lines are removed; appended when absent.</summary>
    public void Set(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var id = SipHeaderNames.Resolve(name);
        var first = IndexOf(id, name, 0);
        if (first < 0)
        {
            Add(name, value);
            return;
        }

        _entries[first] = Store(id, name, value);
        Changed();
        for (var i = IndexOf(id, name, first + 1); i >= 0; i = IndexOf(id, name, i))
        {
            RemoveAt(i);
        }
    }

    public void Set(SipHeaderId id, string value) => Set(SipHeaderNames.GetName(id), value);

    /// <summary>Removes every line of the header; returns how many were removed.</summary>
    public int Remove(string name) => Remove(SipHeaderNames.Resolve(name), name);

    public int Remove(SipHeaderId id) => Remove(id, null);

    /// <summary>Removes the first line of the header (e.g. the top Via line); false when absent.</summary>
    public bool RemoveFirst(string name)
    {
        var i = IndexOf(SipHeaderNames.Resolve(name), name, 0);
        if (i < 0)
        {
            return false;
        }

        RemoveAt(i);
        return true;
    }

    public void RemoveAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        Array.Copy(_entries, index + 1, _entries, index, _count - index - 1);
        _entries[--_count] = default;
        Changed();
    }

    public IEnumerator<SipHeader> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal int IndexOf(SipHeaderId id, string? name, int start)
    {
        for (var i = start; i < _count; i++)
        {
            if (Matches(i, id, name))
            {
                return i;
            }
        }

        return -1;
    }

    private bool Matches(int index, SipHeaderId id, string? name)
    {
        ref var e = ref _entries[index];
        if (id != SipHeaderId.Unknown)
        {
            return e.Id == id;
        }

        if (e.Id != SipHeaderId.Unknown || name is null)
        {
            return false;
        }

        return e.IsRaw
            ? Ascii.EqualsIgnoreCase(_source.Span.Slice(e.NameStart, e.NameLength), name)
            : e.HasOwnName && string.Equals(_built![e.NameStart], name, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Keeps a built line's strings in the side table: its value, after its name unless that is <paramref name="id"/>'s canonical one.</summary>
    private HeaderEntry Store(SipHeaderId id, string name, string value)
    {
        var ownName = id == SipHeaderId.Unknown || !string.Equals(name, SipHeaderNames.GetName(id), StringComparison.Ordinal);
        var slot = ownName ? Keep(name) : -1;
        var valueSlot = Keep(value);
        return HeaderEntry.Built(id, ownName ? slot : valueSlot, ownName);
    }

    /// <summary>Puts <paramref name="text"/> in the side table; returns its slot.</summary>
    private int Keep(string text)
    {
        if (_built is null || _builtCount == _built.Length)
        {
            Array.Resize(ref _built, Math.Max(8, _builtCount * 2));
        }

        _built[_builtCount] = text;
        return _builtCount++;
    }

    private void Changed()
    {
        Version++;
        _decodedValues = null;
        _decodedNames = null;
    }

    private string? Get(SipHeaderId id, string? name)
    {
        var i = IndexOf(id, name, 0);
        return i < 0 ? null : ValueAt(i);
    }

    private IReadOnlyList<string> GetAll(SipHeaderId id, string? name)
    {
        var result = new List<string>();
        var split = SipHeaderNames.IsList(id);
        for (var i = IndexOf(id, name, 0); i >= 0; i = IndexOf(id, name, i + 1))
        {
            var value = ValueAt(i);
            if (split)
            {
                SipText.SplitList(value, result);
            }
            else
            {
                result.Add(value);
            }
        }

        return result;
    }

    private int Remove(SipHeaderId id, string? name)
    {
        var removed = 0;
        for (var i = IndexOf(id, name, 0); i >= 0; i = IndexOf(id, name, i))
        {
            RemoveAt(i);
            removed++;
        }

        return removed;
    }
}
