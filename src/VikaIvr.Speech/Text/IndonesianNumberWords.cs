using System.Text;

namespace VikaIvr.Speech.Text;

/// <summary>
/// Whole numbers and digit strings as spoken Indonesian words:
/// 11 "sebelas", 150000 "seratus lima puluh ribu", 1000 "seribu", up to the trillions.
/// </summary>
public static class IndonesianNumberWords
{
    /// <summary>The largest number spoken as words (just under a thousand trillion).</summary>
    public const long MaxValue = 999_999_999_999_999;

    private static readonly string[] Units =
        ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"];

    // Scale words from the largest down; index i names 1000^(4-i).
    private static readonly (long Value, string Word)[] Scales =
    [
        (1_000_000_000_000, "triliun"),
        (1_000_000_000, "miliar"),
        (1_000_000, "juta"),
        (1_000, "ribu"),
    ];

    /// <summary>The number as words, e.g. 1985 → "seribu sembilan ratus delapan puluh lima".</summary>
    public static string ToWords(long value)
    {
        var sb = new StringBuilder();
        AppendWords(sb, value);
        return sb.ToString();
    }

    /// <summary>Appends the number as words (space-separated, no leading or trailing space).</summary>
    public static void AppendWords(StringBuilder sb, long value)
    {
        ArgumentNullException.ThrowIfNull(sb);
        if (value < 0)
        {
            Append(sb, "minus");
            value = -value;
        }

        if (value > MaxValue)
            throw new ArgumentOutOfRangeException(nameof(value), "Too large to speak as Indonesian words.");

        if (value == 0)
        {
            Append(sb, Units[0]);
            return;
        }

        foreach (var (scale, word) in Scales)
        {
            var group = (int)(value / scale);
            if (group == 0) continue;
            value %= scale;
            // "seribu" but "satu juta", "satu miliar": only the thousand fuses with "se-".
            if (group == 1 && scale == 1_000)
                Append(sb, "seribu");
            else
            {
                AppendBelowThousand(sb, group);
                Append(sb, word);
            }
        }

        if (value > 0) AppendBelowThousand(sb, (int)value);
    }

    /// <summary>Every digit as its own word: "0811" → "nol delapan satu satu".</summary>
    public static string DigitByDigit(ReadOnlySpan<char> digits)
    {
        var sb = new StringBuilder();
        AppendDigits(sb, digits);
        return sb.ToString();
    }

    /// <summary>Appends each ASCII digit as a word; other characters are skipped.</summary>
    public static void AppendDigits(StringBuilder sb, ReadOnlySpan<char> digits)
    {
        ArgumentNullException.ThrowIfNull(sb);
        foreach (var c in digits)
            if (char.IsAsciiDigit(c)) Append(sb, Units[c - '0']);
    }

    private static void AppendBelowThousand(StringBuilder sb, int n)
    {
        var hundreds = n / 100;
        var rest = n % 100;
        if (hundreds == 1) Append(sb, "seratus");
        else if (hundreds > 1)
        {
            Append(sb, Units[hundreds]);
            Append(sb, "ratus");
        }

        if (rest == 0) return;
        if (rest < 10) Append(sb, Units[rest]);
        else if (rest == 10) Append(sb, "sepuluh");
        else if (rest == 11) Append(sb, "sebelas");
        else if (rest < 20)
        {
            Append(sb, Units[rest - 10]);
            Append(sb, "belas");
        }
        else
        {
            Append(sb, Units[rest / 10]);
            Append(sb, "puluh");
            if (rest % 10 != 0) Append(sb, Units[rest % 10]);
        }
    }

    private static void Append(StringBuilder sb, string word)
    {
        if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
        sb.Append(word);
    }
}
