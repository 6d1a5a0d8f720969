namespace VikaIvr.Sip.Message;

/// <summary>Parses URIs from chars; with <c>build: false</c> it only validates and allocates nothing.</summary>
internal static class SipUriParser
{
    /// <summary>
    /// The user part of a valid URI as <see cref="SipUri.User"/> would hold it (null for none), without
    /// building the URI; false when <paramref name="text"/> is not a valid URI.
    /// </summary>
    public static bool TryReadUser(ReadOnlySpan<char> text, out string? user)
    {
        user = null;
        if (!TryParse(text, build: false, out _, out _))
        {
            return false;
        }

        var colon = text.IndexOf(':');
        var scheme = text[..colon];
        var rest = text[(colon + 1)..];
        if (scheme.Equals("tel", StringComparison.OrdinalIgnoreCase))
        {
            var end = rest.IndexOfAny(';', '?');
            user = (end < 0 ? rest : rest[..end]).ToString();
        }
        else if (scheme.Equals("sip", StringComparison.OrdinalIgnoreCase) || scheme.Equals("sips", StringComparison.OrdinalIgnoreCase))
        {
            var at = rest.IndexOf('@');
            if (at > 0)
            {
                var userinfo = rest[..at];
                var pc = userinfo.IndexOf(':');
                user = (pc < 0 ? userinfo : userinfo[..pc]).ToString();
            }
        }

        return true;
    }

    /// <summary>Parses <paramref name="text"/>; <paramref name="original"/>, when given, is that text as a string already (kept, not copied).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, bool build, out SipUri? uri, out string? fault, string? original = null)
    {
        uri = null;
        fault = null;
        var colon = text.IndexOf(':');
        if (colon <= 0 || !IsScheme(text[..colon]))
        {
            fault = "URI has no scheme";
            return false;
        }

        if (text.ContainsAny(SipText.UriForbidden))
        {
            fault = "URI contains white space, quotes or angle brackets";
            return false;
        }

        var scheme = text[..colon];
        var rest = text[(colon + 1)..];
        if (rest.IsEmpty)
        {
            fault = "URI is empty after the scheme";
            return false;
        }

        var isSip = scheme.Equals("sip", StringComparison.OrdinalIgnoreCase) || scheme.Equals("sips", StringComparison.OrdinalIgnoreCase);
        var isTel = scheme.Equals("tel", StringComparison.OrdinalIgnoreCase);
        if (!isSip && !isTel)
        {
            if (build)
            {
                uri = SipUri.CreateOpaque(scheme.ToString(), rest.ToString(), text.ToString());
            }

            return true;
        }

        string? user = null, password = null;
        if (isSip)
        {
            var at = rest.IndexOf('@');
            if (at == 0)
            {
                fault = "URI has an empty user part";
                return false;
            }

            if (at > 0)
            {
                var userinfo = rest[..at];
                var pc = userinfo.IndexOf(':');
                if (build)
                {
                    user = (pc < 0 ? userinfo : userinfo[..pc]).ToString();
                    password = pc < 0 ? null : userinfo[(pc + 1)..].ToString();
                }

                rest = rest[(at + 1)..];
            }
        }

        var host = ReadOnlySpan<char>.Empty;
        int? port = null;
        if (isSip)
        {
            if (!TryReadHostPort(rest, out var hostLength, out port, out var consumed))
            {
                fault = "URI has an invalid host or port";
                return false;
            }

            host = rest[..hostLength];
            rest = rest[consumed..];
        }
        else
        {
            var end = rest.IndexOfAny(';', '?');
            var number = end < 0 ? rest : rest[..end];
            if (number.IsEmpty)
            {
                fault = "tel URI has no number";
                return false;
            }

            if (build)
            {
                user = number.ToString();
            }

            rest = end < 0 ? default : rest[end..];
        }

        var query = rest.IndexOf('?');
        var paramText = query < 0 ? rest : rest[..query];
        var headerText = query < 0 ? default : rest[(query + 1)..];
        if (!TryReadList(paramText, ';', skipFirst: true, build, out var parameters)
            || !TryReadList(headerText, '&', skipFirst: false, build, out var headers))
        {
            fault = "URI has an empty parameter or header";
            return false;
        }

        if (build)
        {
            uri = new SipUri(SipWords.Get(scheme), user, host.ToString(), port, parameters, headers, password);
            uri.SetText(original ?? text.ToString());
        }

        return true;
    }

    private static bool IsScheme(ReadOnlySpan<char> s)
    {
        if (!char.IsAsciiLetter(s[0]))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads host[:port] from the front of <paramref name="input"/>.</summary>
    internal static bool TryReadHostPort(ReadOnlySpan<char> input, out int hostLength, out int? port, out int consumed, bool allowTrailingLws = false)
    {
        port = null;
        hostLength = 0;
        consumed = 0;
        var rest = input;
        int hostEnd;
        if (!rest.IsEmpty && rest[0] == '[')
        {
            var close = rest.IndexOf(']');
            if (close < 3 || rest[1..close].ContainsAnyExcept("0123456789abcdefABCDEF:."))
            {
                return false;
            }

            hostEnd = close + 1;
        }
        else
        {
            hostEnd = rest.IndexOfAnyExcept(SipText.HostChars);
            if (hostEnd < 0)
            {
                hostEnd = rest.Length;
            }
        }

        hostLength = hostEnd;
        rest = rest[hostEnd..];
        if (hostLength == 0)
        {
            return false;
        }

        if (!rest.IsEmpty && rest[0] == ':')
        {
            // The port's ASCII digits (at most five) read and summed in one pass: IndexOfAnyExceptInRange
            // over chars allocates (96 B) on every call, and this runs for every Via and URI read.
            var digits = rest[1..];
            var n = 0;
            var p = 0;
            while (n < digits.Length && char.IsAsciiDigit(digits[n]))
            {
                if (++n > 5)
                {
                    return false;
                }

                p = (p * 10) + (digits[n - 1] - '0');
            }

            if (n == 0 || p > 65535)
            {
                return false;
            }

            port = p;
            rest = digits[n..];
        }

        consumed = input.Length - rest.Length;
        return rest.IsEmpty || rest[0] is ';' or '?' || (allowTrailingLws && SipText.IsLws(rest[0]));
    }

    private static bool TryReadList(ReadOnlySpan<char> text, char separator, bool skipFirst, bool build, out SipParameterList list)
    {
        list = SipParameterList.Empty;
        if (text.IsEmpty)
        {
            return true;
        }

        if (skipFirst)
        {
            text = text[1..];
        }

        var items = build ? new SipParameter[text.Count(separator) + 1] : null;
        var count = 0;
        foreach (var range in text.Split(separator))
        {
            var item = text[range];
            if (item.IsEmpty)
            {
                return false;
            }

            var eq = item.IndexOf('=');
            if (eq == 0)
            {
                return false;
            }

            if (items is null)
            {
                continue;
            }

            items[count++] = (eq < 0
                ? new SipParameter(SipWords.Get(item), null)
                : new SipParameter(SipWords.Get(item[..eq]), SipWords.Get(item[(eq + 1)..])));
        }

        if (items is not null)
        {
            list = SipParameterList.Wrap(items);
        }

        return true;
    }
}
