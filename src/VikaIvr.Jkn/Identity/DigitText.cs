namespace VikaIvr.Jkn.Identity;

internal static class DigitText
{
    public static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /// <summary>Value of a run of ASCII digits already checked by <see cref="AllDigits"/>.</summary>
    public static int Value(ReadOnlySpan<char> digits)
    {
        int v = 0;
        foreach (char c in digits) v = v * 10 + (c - '0');
        return v;
    }
}
