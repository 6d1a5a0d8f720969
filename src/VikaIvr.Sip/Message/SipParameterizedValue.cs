using System.Diagnostics.CodeAnalysis;

namespace VikaIvr.Sip.Message;

/// <summary>A token with parameters: Event (<c>refer;id=3</c>), Subscription-State (<c>active;expires=60</c>), Content-Disposition...</summary>
public sealed class SipParameterizedValue
{
    public SipParameterizedValue(string value, SipParameterList? parameters = null)
    {
        Value = value;
        Parameters = parameters ?? SipParameterList.Empty;
    }

    public string Value { get; }

    public SipParameterList Parameters { get; }

    public static bool TryParse(string? text, [NotNullWhen(true)] out SipParameterizedValue? value)
    {
        value = null;
        if (text is null)
        {
            return false;
        }

        var s = new SipScanner(text);
        s.SkipLws();
        if (!s.TryReadToken(out var token) || !SipParamReader.TryReadParams(ref s, build: true, out var parameters))
        {
            return false;
        }

        s.SkipLws();
        if (!s.AtEnd)
        {
            return false;
        }

        value = new SipParameterizedValue(text[token], parameters);
        return true;
    }

    public override string ToString() => Value + Parameters;
}
