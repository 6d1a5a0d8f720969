using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace VikaIvr.Sip.Message;

/// <summary>The CSeq header: a 32-bit sequence number and the method.</summary>
public sealed record SipCSeq(uint Number, string Method)
{
    public override string ToString() => Number.ToString(CultureInfo.InvariantCulture) + " " + Method;

    public static bool TryParse(string? text, [NotNullWhen(true)] out SipCSeq? value)
    {
        value = null;
        return text is not null && TryParse(text, build: true, out value, out _);
    }

    internal static bool TryParse(ReadOnlySpan<char> text, bool build, out SipCSeq? value, out Range method)
    {
        value = null;
        method = default;
        var s = new SipScanner(text);
        s.SkipLws();
        if (!s.TryReadNumber(out var number) || number > uint.MaxValue || !s.SkipLws()
            || !s.TryReadToken(out method))
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
            value = new SipCSeq((uint)number, SipMethods.Intern(text[method]));
        }

        return true;
    }
}
