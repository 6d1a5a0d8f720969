namespace VikaIvr.Sip.Message;

/// <summary>Reads <c>*( SEMI generic-param )</c> and comma-separated auth-params.</summary>
internal static class SipParamReader
{
    /// <summary>Reads parameters until something that is not a <c>;</c>; false when one is malformed.</summary>
    public static bool TryReadParams(ref SipScanner s, bool build, out SipParameterList parameters)
    {
        parameters = SipParameterList.Empty;
        SipParameter[]? items = null;
        var count = 0;
        while (s.TryConsume(';'))
        {
            if (!TryReadOne(ref s, build, out var p))
            {
                return false;
            }

            if (build)
            {
                Append(ref items, ref count, p);
            }
        }

        if (items is not null)
        {
            parameters = SipParameterList.Wrap(items.Length == count ? items : items[..count]);
        }

        return true;
    }

    /// <summary>Reads <c>name [= value]</c> separated by commas (auth-params, RFC 3261 25.1).</summary>
    public static bool TryReadCommaParams(ref SipScanner s, bool build, out SipParameterList parameters)
    {
        parameters = SipParameterList.Empty;
        List<SipParameter>? list = null;
        do
        {
            s.SkipLws();
            if (s.AtEnd)
            {
                break;
            }

            if (!TryReadOne(ref s, build, out var p))
            {
                return false;
            }

            if (build)
            {
                (list ??= []).Add(p);
            }
        }
        while (s.TryConsume(','));

        s.SkipLws();
        if (list is not null)
        {
            parameters = new SipParameterList(list);
        }

        return s.AtEnd;
    }

    // Most lists hold one or two parameters: start exact and grow rarely, so the list owns the array.
    private static void Append(ref SipParameter[]? items, ref int count, SipParameter p)
    {
        if (items is null || count == items.Length)
        {
            Array.Resize(ref items, count == 0 ? 2 : count * 2);
        }

        items[count++] = p;
    }

    private static bool TryReadOne(ref SipScanner s, bool build, out SipParameter parameter)
    {
        parameter = default;
        if (!s.TryReadToken(out var nameRange))
        {
            return false;
        }

        Range? valueRange = null;
        if (s.TryConsume('='))
        {
            if (s.Peek == '"')
            {
                if (!s.TryReadQuoted(out var q))
                {
                    return false;
                }

                valueRange = q;
            }
            else
            {
                var start = s.Position;
                var rest = s.Text[start..];
                var length = rest.IndexOfAnyExcept(SipText.ParamValueChars);
                if (length == 0)
                {
                    return false;
                }

                s.Position += length < 0 ? rest.Length : length;
                valueRange = start..s.Position;
            }
        }

        if (build)
        {
            parameter = new SipParameter(
                SipWords.Get(s.Slice(nameRange)),
                valueRange is { } v ? SipWords.Get(s.Slice(v)) : null);
        }

        return true;
    }
}
