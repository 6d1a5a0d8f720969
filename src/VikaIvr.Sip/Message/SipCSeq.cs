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
        if (!TryLocate(text, out var number, out method))
        {
            return false;
        }

        if (build)
        {
            value = new SipCSeq(number, SipMethods.Intern(text[method]));
        }

        return true;
    }

    /// <summary>Validates a CSeq value as <see cref="TryParse(ReadOnlySpan{char}, bool, out SipCSeq?, out Range)"/> does and reads its number, building nothing.</summary>
    internal static bool TryLocate(ReadOnlySpan<char> text, out uint number, out Range method)
    {
        number = 0;
        method = default;
        var s = new SipScanner(text);
        s.SkipLws();
        if (!s.TryReadNumber(out var read) || read > uint.MaxValue || !s.SkipLws()
            || !s.TryReadToken(out method))
        {
            return false;
        }

        s.SkipLws();
        if (!s.AtEnd)
        {
            return false;
        }

        number = (uint)read;
        return true;
    }
}
