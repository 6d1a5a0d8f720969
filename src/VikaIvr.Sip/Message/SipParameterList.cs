using System.Collections;
using System.Runtime.CompilerServices;
using System.Text;

namespace VikaIvr.Sip.Message;

/// <summary>An ordered, immutable list of parameters with case-insensitive lookup by name.</summary>
public sealed class SipParameterList : IReadOnlyList<SipParameter>
{
    private readonly SipParameter[] _items;

    public SipParameterList(IEnumerable<SipParameter> items) => _items = [.. items];

    private SipParameterList(SipParameter[] items) => _items = items;

    /// <summary>Takes ownership of <paramref name="items"/> (no copy).</summary>
    internal static SipParameterList Wrap(SipParameter[] items) => new(items);

    public static SipParameterList Empty { get; } = new(Array.Empty<SipParameter>());

    public int Count => _items.Length;

    public SipParameter this[int index] => _items[index];

    /// <summary>True when the parameter is present (with or without a value).</summary>
    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>The value as written, or null when absent or value-less.</summary>
    public string? Get(string name)
    {
        var i = IndexOf(name);
        return i < 0 ? null : _items[i].Value;
    }

    /// <summary>The value with surrounding quotes removed and quoted-pairs resolved.</summary>
    public string? GetUnquoted(string name)
    {
        var value = Get(name);
        return value is null ? null : SipText.Unquote(value);
    }

    public int IndexOf(string name)
    {
        for (var i = 0; i < _items.Length; i++)
        {
            if (string.Equals(_items[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A copy with the parameter set (replaced in place, or appended).</summary>
    public SipParameterList With(string name, string? value)
    {
        var i = IndexOf(name);
        SipParameter[] copy;
        if (i >= 0)
        {
            copy = (SipParameter[])_items.Clone();
            copy[i] = new SipParameter(copy[i].Name, value);
        }
        else
        {
            copy = new SipParameter[_items.Length + 1];
            _items.CopyTo(copy, 0);
            copy[^1] = new SipParameter(name, value);
        }

        return new SipParameterList(copy);
    }

    /// <summary>A copy without the named parameter.</summary>
    public SipParameterList Without(string name)
    {
        var i = IndexOf(name);
        if (i < 0)
        {
            return this;
        }

        var copy = new SipParameter[_items.Length - 1];
        Array.Copy(_items, 0, copy, 0, i);
        Array.Copy(_items, i + 1, copy, i, _items.Length - i - 1);
        return new SipParameterList(copy);
    }

    /// <summary>Appends each as <c>;name=value</c>.</summary>
    public void AppendTo(StringBuilder sb)
    {
        foreach (var p in _items)
        {
            sb.Append(';').Append(p.Name);
            if (p.Value is not null)
            {
                sb.Append('=').Append(p.Value);
            }
        }
    }

    /// <summary>Appends each as <c>;name=value</c> to a string being built on the stack.</summary>
    internal void AppendTo(ref DefaultInterpolatedStringHandler text)
    {
        foreach (var p in _items)
        {
            text.AppendLiteral(";");
            text.AppendFormatted(p.Name);
            if (p.Value is not null)
            {
                text.AppendLiteral("=");
                text.AppendFormatted(p.Value);
            }
        }
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        AppendTo(sb);
        return sb.ToString();
    }

    public IEnumerator<SipParameter> GetEnumerator() => ((IEnumerable<SipParameter>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
