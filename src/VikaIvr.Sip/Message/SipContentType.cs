using System.Diagnostics.CodeAnalysis;

namespace VikaIvr.Sip.Message;

/// <summary>A Content-Type value: type/subtype and parameters.</summary>
public sealed class SipContentType
{
    private string? _mediaType, _text;

    public SipContentType(string type, string subtype, SipParameterList? parameters = null)
    {
        Type = type;
        Subtype = subtype;
        Parameters = parameters ?? SipParameterList.Empty;
    }

    public string Type { get; }

    public string Subtype { get; }

    public SipParameterList Parameters { get; }

    /// <summary>"type/subtype" as written.</summary>
    public string MediaType => _mediaType ??= Type == "application" && Subtype == "sdp" ? "application/sdp" : Type + "/" + Subtype;

    /// <summary>Case-insensitive match of the media type, e.g. <c>Is("application/sdp")</c>.</summary>
    public bool Is(string mediaType) =>
        mediaType.Length == Type.Length + 1 + Subtype.Length
        && mediaType.AsSpan(0, Type.Length).Equals(Type, StringComparison.OrdinalIgnoreCase)
        && mediaType[Type.Length] == '/'
        && mediaType.AsSpan(Type.Length + 1).Equals(Subtype, StringComparison.OrdinalIgnoreCase);

    public static bool TryParse(string? text, [NotNullWhen(true)] out SipContentType? value)
    {
        value = null;
        return text is not null && TryParse(text, build: true, out value);
    }

    internal static bool TryParse(ReadOnlySpan<char> text, bool build, out SipContentType? value)
    {
        value = null;
        var s = new SipScanner(text);
        s.SkipLws();
        if (!s.TryReadToken(out var type) || !s.TryConsume('/') || !s.TryReadToken(out var subtype)
            || !SipParamReader.TryReadParams(ref s, build, out var parameters))
        {
            return false;
        }

        s.SkipLws();
        if (!s.AtEnd)
        {
            return false;
        }

        if (build)
        {
            value = new SipContentType(SipWords.Get(text[type]), SipWords.Get(text[subtype]), parameters);
        }

        return true;
    }

    public override string ToString() => _text ??= Parameters.Count == 0 ? MediaType : MediaType + Parameters;
}
