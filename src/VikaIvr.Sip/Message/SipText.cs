using System.Buffers;
using System.Text;

namespace VikaIvr.Sip.Message;

/// <summary>Character classes and small text helpers of the RFC 3261 grammar.</summary>
public static class SipText
{
    /// <summary>token characters (RFC 3261 25.1).</summary>
    public static readonly SearchValues<char> TokenChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~");

    internal static readonly SearchValues<byte> TokenBytes =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~"u8);

    /// <summary>token plus the extra characters of a host or IPv6 reference (generic-param values).</summary>
    internal static readonly SearchValues<char> ParamValueChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~[]:");

    /// <summary>Never inside a URI: white space, quotes and angle brackets.</summary>
    internal static readonly SearchValues<char> UriForbidden = SearchValues.Create(" \t\r\n<>\"");

    internal static readonly SearchValues<char> HostChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._");

    public static bool IsToken(ReadOnlySpan<char> s) => s.Length > 0 && !s.ContainsAnyExcept(TokenChars);

    internal static bool IsLws(char c) => SipList.IsLws(c);

    /// <summary>Decodes a raw header value as UTF-8, collapsing each fold (CRLF + whitespace) into one space.</summary>
    public static string DecodeValue(ReadOnlySpan<byte> raw)
    {
        if (raw.IndexOfAny((byte)'\r', (byte)'\n') < 0)
        {
            return Encoding.UTF8.GetString(raw);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(raw.Length);
        try
        {
            var n = 0;
            for (var i = 0; i < raw.Length; i++)
            {
                var b = raw[i];
                if (b is (byte)'\r' or (byte)'\n')
                {
                    while (n > 0 && buffer[n - 1] is (byte)' ' or (byte)'\t')
                    {
                        n--;
                    }

                    while (i + 1 < raw.Length && raw[i + 1] is (byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t')
                    {
                        i++;
                    }

                    buffer[n++] = (byte)' ';
                    continue;
                }

                buffer[n++] = b;
            }

            return Encoding.UTF8.GetString(buffer, 0, n);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Removes surrounding quotes and resolves quoted-pairs; other text is returned trimmed.</summary>
    public static string Unquote(string value)
    {
        var s = value.AsSpan().Trim();
        return s.Length == value.Length && (s.Length < 2 || s[0] != '"' || s[^1] != '"') ? value : Unquote(s);
    }

    internal static string Unquote(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        if (s.Length < 2 || s[0] != '"' || s[^1] != '"')
        {
            return s.ToString();
        }

        s = s[1..^1];
        if (s.IndexOf('\\') < 0)
        {
            return s.ToString();
        }

        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length)
            {
                i++;
            }

            sb.Append(s[i]);
        }

        return sb.ToString();
    }

    /// <summary>Encloses in quotes, escaping quote and backslash.</summary>
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.Append('"').ToString();
    }

    /// <summary>Resolves %HH escapes (as UTF-8); a %00 becomes a NUL character, never a terminator.</summary>
    public static string Unescape(string value)
    {
        if (value.IndexOf('%') < 0)
        {
            return value;
        }

        var bytes = new List<byte>(value.Length);
        Span<byte> one = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%' && i + 2 < value.Length
                && IsHex(value[i + 1]) && IsHex(value[i + 2]))
            {
                bytes.Add((byte)((HexValue(value[i + 1]) << 4) | HexValue(value[i + 2])));
                i += 2;
                continue;
            }

            var n = Encoding.UTF8.GetBytes([c], one);
            for (var k = 0; k < n; k++)
            {
                bytes.Add(one[k]);
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>
    /// Splits a list value at commas outside quoted strings and angle brackets; items are trimmed,
    /// empty items dropped.
    /// </summary>
    public static void SplitList(string value, List<string> into)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(into);
        foreach (var item in SipList.Items(value.AsSpan()))
        {
            into.Add(item.Length == value.Length ? value : item.ToString());
        }
    }

    /// <summary>How many decimal digits a non-negative number is written with.</summary>
    internal static int DigitCount(int n)
    {
        var digits = 1;
        while (n >= 10)
        {
            n /= 10;
            digits++;
        }

        return digits;
    }

    internal static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    internal static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
