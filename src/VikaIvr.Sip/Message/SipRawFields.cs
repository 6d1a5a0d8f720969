using System.Text;

namespace VikaIvr.Sip.Message;

/// <summary>
/// Reads the few fields transaction matching needs (Via branch, tags, CSeq) straight from a
/// header value's bytes, without decoding or allocating. Values are taken as validated by
/// the parser: these are locators, not validators.
/// </summary>
internal static class SipRawFields
{
    /// <summary>The first comma-separated item (commas in quotes or angle brackets do not split), LWS trimmed.</summary>
    public static ReadOnlySpan<byte> FirstItem(ReadOnlySpan<byte> value) => SipList.FirstItem(value);

    /// <summary>The header parameters of a name-addr or addr-spec item (from the first <c>;</c> after the address).</summary>
    public static ReadOnlySpan<byte> NameAddrParams(ReadOnlySpan<byte> item)
    {
        var i = 0;
        if (item.Length > 0 && item[0] == '"')
        {
            for (i = 1; i < item.Length && item[i] != '"'; i++)
            {
                if (item[i] == '\\')
                {
                    i++;
                }
            }

            i++;
        }

        var rest = i < item.Length ? item[i..] : default;
        var open = rest.IndexOf((byte)'<');
        if (open >= 0)
        {
            var close = rest[open..].IndexOf((byte)'>');
            return close < 0 ? default : rest[(open + close + 1)..];
        }

        var semi = rest.IndexOf((byte)';');
        return semi < 0 ? default : rest[semi..];
    }

    /// <summary>The parameters of a Via item (sent-protocol and sent-by hold no <c>;</c>).</summary>
    public static ReadOnlySpan<byte> ViaParams(ReadOnlySpan<byte> item)
    {
        var semi = item.IndexOf((byte)';');
        return semi < 0 ? default : item[semi..];
    }

    /// <summary>The value of parameter <paramref name="name"/> (any case) as written; empty when absent or value-less.</summary>
    public static ReadOnlySpan<byte> Param(ReadOnlySpan<byte> parameters, ReadOnlySpan<byte> name)
    {
        while (true)
        {
            var semi = parameters.IndexOf((byte)';');
            if (semi < 0)
            {
                return default;
            }

            parameters = parameters[(semi + 1)..];
            var end = SipList.SeparatorIndex(parameters, (byte)';', (byte)',', angleBrackets: false);
            var param = parameters[..end];
            var eq = param.IndexOf((byte)'=');
            var n = Trim(eq < 0 ? param : param[..eq]);
            if (Ascii.EqualsIgnoreCase(n, name))
            {
                return eq < 0 ? default : Trim(param[(eq + 1)..]);
            }

            parameters = parameters[end..];
        }
    }

    /// <summary>Reads <c>number SP method</c>.</summary>
    public static bool TryCSeq(ReadOnlySpan<byte> value, out uint number, out ReadOnlySpan<byte> method)
    {
        number = 0;
        method = default;
        value = Trim(value);
        var digits = value.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        if (digits is <= 0 or > 10)
        {
            return false;
        }

        ulong n = 0;
        foreach (var d in value[..digits])
        {
            n = (n * 10) + (ulong)(d - '0');
        }

        method = Trim(value[digits..]);
        if (n > uint.MaxValue || method.IsEmpty || method.Length == value.Length - digits)
        {
            return false;
        }

        number = (uint)n;
        return true;
    }

    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s) => SipList.TrimLws(s);
}
