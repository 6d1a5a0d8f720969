using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace VikaIvr.Sip.Message;

/// <summary>
/// A From/To/Contact/Route/Refer-To value: optional display name, URI and header parameters
/// (<c>tag</c>, <c>expires</c>, <c>q</c>...). A Contact of <c>*</c> is <see cref="IsWildcard"/>.
/// </summary>
public sealed class SipNameAddr
{
    public SipNameAddr(SipUri uri, string? displayName = null, SipParameterList? parameters = null)
    {
        Uri = uri;
        DisplayName = displayName;
        Parameters = parameters ?? SipParameterList.Empty;
    }

    private SipNameAddr(SipParameterList parameters)
    {
        Uri = new SipUri("sip", null, "*");
        Parameters = parameters;
        IsWildcard = true;
    }

    /// <summary>Display name without quotes (quoted-pairs resolved); null when absent.</summary>
    public string? DisplayName { get; }

    public SipUri Uri { get; }

    public SipParameterList Parameters { get; }

    public string? Tag => Parameters.Get("tag");

    /// <summary>True for the Contact value <c>*</c> (REGISTER remove-all).</summary>
    public bool IsWildcard { get; }

    /// <summary>A copy carrying the given tag parameter.</summary>
    public SipNameAddr WithTag(string tag) => new(Uri, DisplayName, Parameters.With("tag", tag));

    public static SipNameAddr Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException("Invalid name-addr: " + text);

    public static bool TryParse(string? text, [NotNullWhen(true)] out SipNameAddr? value)
    {
        value = null;
        return text is not null && TryParse(text, build: true, out value, out _);
    }

    internal static bool TryParse(ReadOnlySpan<char> text, bool build, out SipNameAddr? value, out string? fault) =>
        TryParse(text, build, tagOnly: false, out value, out _, out _, out fault);

    /// <summary>
    /// Validates the value exactly as <see cref="TryParse(ReadOnlySpan{char}, bool, out SipNameAddr?, out string?)"/>
    /// does, building no URI or parameter list: only the <c>tag</c> parameter's value (null when it has none).
    /// </summary>
    internal static bool TryParseTag(ReadOnlySpan<char> text, out string? tag)
    {
        var valid = TryParse(text, build: false, tagOnly: true, out _, out var range, out _, out _);
        tag = valid && range is { } r ? SipWords.Get(text[r]) : null;
        return valid;
    }

    /// <summary>As <see cref="TryParseTag"/>, saying where the tag's value is instead of making its string.</summary>
    internal static bool TryLocateTag(ReadOnlySpan<char> text, out Range? tag) =>
        TryParse(text, build: false, tagOnly: true, out _, out tag, out _, out _);

    /// <summary>Checks a name-addr as <see cref="TryParseTag"/> does (building nothing) and says where its URI is (empty for <c>*</c>).</summary>
    internal static bool TryLocateUri(ReadOnlySpan<char> text, out Range uri) =>
        TryParse(text, build: false, tagOnly: true, out _, out _, out uri, out _);

    private static bool TryParse(ReadOnlySpan<char> text, bool build, bool tagOnly, out SipNameAddr? value, out Range? tag, out Range uriRange, out string? fault)
    {
        value = null;
        tag = null;
        uriRange = default;
        var s = new SipScanner(text);
        s.SkipLws();
        if (s.Peek == '*')
        {
            s.Position++;
            Range? wildTag = null;
            var wildParams = SipParameterList.Empty;
            if (!(tagOnly ? SipParamReader.TryFindParam(ref s, "tag", out wildTag) : SipParamReader.TryReadParams(ref s, build, out wildParams))
                || !EndsHere(ref s))
            {
                fault = "text after *";
                return false;
            }

            fault = null;
            tag = wildTag;
            value = build ? new SipNameAddr(wildParams) : null;
            return true;
        }

        Range? display = null;
        var quoted = false;
        if (s.Peek == '"')
        {
            if (!s.TryReadQuoted(out var q))
            {
                fault = "unterminated quoted display name";
                return false;
            }

            display = q;
            quoted = true;
            s.SkipLws();
            if (s.Peek != '<')
            {
                fault = "display name not followed by <URI>";
                return false;
            }
        }
        else
        {
            var start = s.Position;
            var end = start;
            while (s.TryReadToken(out var t))
            {
                end = t.End.Value;
                s.SkipLws();
            }

            if (s.Peek == '<')
            {
                display = end > start ? start..end : null;
            }
            else
            {
                s.Position = start;
            }
        }

        if (s.Peek == '<')
        {
            var close = text[s.Position..].IndexOf('>');
            if (close < 0)
            {
                fault = "missing >";
                return false;
            }

            uriRange = (s.Position + 1)..(s.Position + close);
            s.Position += close + 1;
        }
        else
        {
            s.TryReadUntil(";,", out uriRange);
            if (text[uriRange].IndexOf('?') >= 0)
            {
                fault = "URI with headers must be enclosed in <>";
                return false;
            }
        }

        SipUri? uri = null;
        if (!SipUriParser.TryParse(text[uriRange], build, out uri, out fault))
        {
            return false;
        }

        Range? tagRange = null;
        var parameters = SipParameterList.Empty;
        if (!(tagOnly ? SipParamReader.TryFindParam(ref s, "tag", out tagRange) : SipParamReader.TryReadParams(ref s, build, out parameters)))
        {
            fault = "malformed parameter";
            return false;
        }

        if (!EndsHere(ref s))
        {
            fault = "unexpected text after the address";
            return false;
        }

        tag = tagRange;
        if (build)
        {
            string? name = null;
            if (display is { } d)
            {
                name = quoted ? SipText.Unquote(text[d]) : text[d].ToString();
            }

            value = new SipNameAddr(uri!, name, parameters);
        }

        return true;
    }

    public override string ToString()
    {
        if (IsWildcard)
        {
            return "*" + Parameters;
        }

        var sb = new StringBuilder(96);
        if (DisplayName is not null)
        {
            sb.Append(SipText.Quote(DisplayName)).Append(' ');
        }

        sb.Append('<').Append(Uri).Append('>');
        Parameters.AppendTo(sb);
        return sb.ToString();
    }

    private static bool EndsHere(ref SipScanner s)
    {
        s.SkipLws();
        return s.AtEnd;
    }
}
