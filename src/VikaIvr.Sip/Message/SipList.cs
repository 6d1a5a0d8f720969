using System.Numerics;

namespace VikaIvr.Sip.Message;

/// <summary>
/// The one rule for where an item of a SIP list or parameter ends: at a separator outside a
/// quoted string (a quoted-pair never closes it) and, for comma lists, outside <c>&lt;...&gt;</c>,
/// whose URI may hold commas. Written once over any code unit: <c>char</c> for decoded values,
/// <c>byte</c> for raw header bytes; the JIT specializes it per type, so neither form allocates.
/// </summary>
internal static class SipList
{
    /// <summary>The trimmed, non-empty items of a comma list.</summary>
    public static SipListScanner<T> Items<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T> => new(text);

    /// <summary>The first item of a comma list, LWS trimmed (empty when the list starts with a comma).</summary>
    public static ReadOnlySpan<T> FirstItem<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T>
    {
        var comma = T.CreateTruncating(',');
        return TrimLws(text[..SeparatorIndex(text, comma, comma, angleBrackets: true)]);
    }

    /// <summary>
    /// Index of the first <paramref name="separator"/> or <paramref name="other"/> outside quotes
    /// (and outside angle brackets when <paramref name="angleBrackets"/>); the length when none.
    /// </summary>
    public static int SeparatorIndex<T>(ReadOnlySpan<T> text, T separator, T other, bool angleBrackets)
        where T : unmanaged, IBinaryInteger<T>
    {
        var quote = T.CreateTruncating('"');
        var open = T.CreateTruncating('<');

        // Most values hold no quote and no bracket before the separator: one vectorized search.
        var stop = text.IndexOfAny(separator, other, quote);
        if (stop < 0)
        {
            return text.Length;
        }

        if (text[stop] != quote && (!angleBrackets || text[..stop].IndexOf(open) < 0))
        {
            return stop;
        }

        var backslash = T.CreateTruncating('\\');
        var close = T.CreateTruncating('>');
        var inQuotes = false;
        var inAngle = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == backslash)
                {
                    i++;
                }
                else if (c == quote)
                {
                    inQuotes = false;
                }
            }
            else if (c == quote)
            {
                inQuotes = true;
            }
            else if (angleBrackets && c == open)
            {
                inAngle = true;
            }
            else if (angleBrackets && c == close)
            {
                inAngle = false;
            }
            else if ((c == separator || c == other) && !inAngle)
            {
                return i;
            }
        }

        return text.Length;
    }

    /// <summary>Without leading and trailing LWS (SP, HTAB, CR, LF).</summary>
    public static ReadOnlySpan<T> TrimLws<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T> => text[LwsTrimmed(text)];

    /// <summary>Where <paramref name="text"/> lies without its leading and trailing LWS.</summary>
    public static Range LwsTrimmed<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T>
    {
        var start = 0;
        while (start < text.Length && IsLws(text[start]))
        {
            start++;
        }

        var end = text.Length;
        while (end > start && IsLws(text[end - 1]))
        {
            end--;
        }

        return start..end;
    }

    public static bool IsLws<T>(T c)
        where T : unmanaged, IBinaryInteger<T>
        => c == T.CreateTruncating(' ') || c == T.CreateTruncating('\t') || c == T.CreateTruncating('\r') || c == T.CreateTruncating('\n');
}
