using System.Buffers;
using System.Text;

namespace VikaIvr.Sip.Message;

/// <summary>
/// Byte-level recognizers for the shapes nearly every message uses (<c>sip:user@host:port;p=v</c>,
/// <c>"name" &lt;uri&gt;;tag=x</c>, <c>SIP/2.0/UDP host:port;branch=z</c>, <c>1 INVITE</c>). Each accepts
/// a strict subset of what the full validators accept, so "true" is final; "false" only means
/// "not the simple shape" and the caller runs the full check (which also words the fault).
/// </summary>
internal static class SipFastSyntax
{
    // Printable ASCII without the characters a URI never holds (SP, quotes, angle brackets)
    // and without '?' and '[' so headers and IPv6 references go to the full parser.
    private static readonly SearchValues<byte> UriBytes = SearchValues.Create(
        "!#$%&'()*+,-./0123456789:;=@ABCDEFGHIJKLMNOPQRSTUVWXYZ\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"u8);

    private static readonly SearchValues<byte> HostBytes =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._"u8);

    private static readonly SearchValues<byte> ParamValueBytes =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~[]:"u8);

    /// <summary>A sip: or sips: URI without headers or IPv6 host (the Request-URI and name-addr URIs).</summary>
    public static bool IsSimpleSipUri(ReadOnlySpan<byte> u)
    {
        ReadOnlySpan<byte> rest;
        if (u.StartsWith("sip:"u8))
        {
            rest = u[4..];
        }
        else if (u.StartsWith("sips:"u8))
        {
            rest = u[5..];
        }
        else
        {
            return false;
        }

        if (rest.IsEmpty || rest.ContainsAnyExcept(UriBytes))
        {
            return false;
        }

        var at = rest.IndexOf((byte)'@');
        if (at == 0)
        {
            return false;
        }

        rest = rest[(at + 1)..];
        if (!TryHostPort(ref rest))
        {
            return false;
        }

        if (rest.IsEmpty)
        {
            return true;
        }

        if (rest[0] != ';')
        {
            return false;
        }

        // uri-parameters: each non-empty and not starting with '=' (as SipUriParser requires).
        rest = rest[1..];
        while (true)
        {
            var semi = rest.IndexOf((byte)';');
            var item = semi < 0 ? rest : rest[..semi];
            if (item.IsEmpty || item[0] == '=')
            {
                return false;
            }

            if (semi < 0)
            {
                return true;
            }

            rest = rest[(semi + 1)..];
        }
    }

    /// <summary><c>["display"] SP* &lt;simple-uri&gt; *(;token[=value])</c>, no white space elsewhere.</summary>
    public static bool IsSimpleNameAddr(ReadOnlySpan<byte> v)
    {
        var p = 0;
        if (v.IsEmpty)
        {
            return false;
        }

        if (v[0] == '"')
        {
            var close = v[1..].IndexOfAny((byte)'"', (byte)'\\');
            if (close < 0 || v[1 + close] != '"')
            {
                return false;
            }

            p = close + 2;
            while (p < v.Length && v[p] is (byte)' ' or (byte)'\t')
            {
                p++;
            }
        }

        if (p >= v.Length || v[p] != '<')
        {
            return false;
        }

        var end = v[p..].IndexOf((byte)'>');
        if (end < 0 || !IsSimpleSipUri(v[(p + 1)..(p + end)]))
        {
            return false;
        }

        return IsSimpleParams(v[(p + end + 1)..]);
    }

    /// <summary><c>token/token/token SP+ host[:port] *(;token[=value])</c>: one Via value, no list.</summary>
    public static bool IsSimpleVia(ReadOnlySpan<byte> v)
    {
        for (var part = 0; part < 3; part++)
        {
            var n = v.IndexOfAnyExcept(SipText.TokenBytes);
            if (n <= 0)
            {
                return false;
            }

            v = v[n..];
            if (part < 2)
            {
                if (v.IsEmpty || v[0] != '/')
                {
                    return false;
                }

                v = v[1..];
            }
        }

        var spaces = v.IndexOfAnyExcept((byte)' ', (byte)'\t');
        if (spaces <= 0)
        {
            return false;
        }

        v = v[spaces..];
        return TryHostPort(ref v) && IsSimpleParams(v);
    }

    /// <summary><c>number SP+ method</c> with the number in 32 bits and, for requests, the request's method.</summary>
    public static bool IsSimpleCSeq(ReadOnlySpan<byte> v, string? requestMethod)
    {
        var digits = v.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        if (digits is <= 0 or > 10)
        {
            return false;
        }

        ulong number = 0;
        foreach (var d in v[..digits])
        {
            number = (number * 10) + (ulong)(d - '0');
        }

        if (number > uint.MaxValue)
        {
            return false;
        }

        v = v[digits..];
        var spaces = v.IndexOfAnyExcept((byte)' ', (byte)'\t');
        if (spaces <= 0)
        {
            return false;
        }

        var method = v[spaces..];
        return !method.ContainsAnyExcept(SipText.TokenBytes)
            && (requestMethod is null || Ascii.Equals(method, requestMethod));
    }

    private static bool TryHostPort(ref ReadOnlySpan<byte> rest)
    {
        var host = rest.IndexOfAnyExcept(HostBytes);
        if (host == 0 || rest.IsEmpty)
        {
            return false;
        }

        rest = host < 0 ? default : rest[host..];
        if (rest.IsEmpty || rest[0] != ':')
        {
            return true;
        }

        var digits = rest[1..];
        var n = digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        if (n < 0)
        {
            n = digits.Length;
        }

        if (n is 0 or > 5)
        {
            return false;
        }

        var port = 0;
        foreach (var d in digits[..n])
        {
            port = (port * 10) + (d - '0');
        }

        rest = digits[n..];
        return port <= 65535;
    }

    private static bool IsSimpleParams(ReadOnlySpan<byte> v)
    {
        while (!v.IsEmpty)
        {
            if (v[0] != ';')
            {
                return false;
            }

            v = v[1..];
            var name = v.IndexOfAnyExcept(SipText.TokenBytes);
            if (name == 0 || v.IsEmpty)
            {
                return false;
            }

            if (name < 0)
            {
                return true;
            }

            v = v[name..];
            if (v[0] == '=')
            {
                v = v[1..];
                var value = v.IndexOfAnyExcept(ParamValueBytes);
                if (value == 0 || v.IsEmpty)
                {
                    return false;
                }

                v = value < 0 ? default : v[value..];
            }
        }

        return true;
    }
}
