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

    /// <summary>
    /// Reads parameters as <see cref="TryReadParams"/> does, building nothing: the value range of
    /// the first one named <paramref name="name"/> (null when absent or value-less).
    /// </summary>
    public static bool TryFindParam(ref SipScanner s, string name, out Range? value)
    {
        value = null;
        var found = false;
        while (s.TryConsume(';'))
        {
            if (!TryReadRanges(ref s, out var nameRange, out var valueRange))
            {
                return false;
            }

            if (!found && s.Slice(nameRange).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                found = true;
                value = valueRange;
            }
        }

        return true;
    }

    private static bool TryReadOne(ref SipScanner s, bool build, out SipParameter parameter)
    {
        parameter = default;
        if (!TryReadRanges(ref s, out var nameRange, out var valueRange))
        {
            return false;
        }

        if (build)
        {
            parameter = new SipParameter(
                SipWords.Get(s.Slice(nameRange)),
                valueRange is { } v ? SipWords.Get(s.Slice(v)) : null);
        }

        return true;
    }

    private static bool TryReadRanges(ref SipScanner s, out Range nameRange, out Range? valueRange)
    {
        valueRange = null;
        if (!s.TryReadToken(out nameRange))
        {
            return false;
        }

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

        return true;
    }
}
