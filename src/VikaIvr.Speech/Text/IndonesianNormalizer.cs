using System.Text;

namespace VikaIvr.Speech.Text;

/// <summary>
/// Turns a sentence into the words an Indonesian speaker says: amounts, counts and years
/// as words, rupiah amounts, dates with month names, clock times, and digit strings
/// (phone numbers, anything with a leading zero or longer than twelve digits) digit by
/// digit. Letters and punctuation are kept, since punctuation drives the engine's prosody.
/// </summary>
public sealed class IndonesianNormalizer
{
    /// <summary>Longer digit runs are identifiers (NIK, card numbers), not amounts.</summary>
    public const int MaxDigitsAsNumber = 12;

    public string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.AsSpan();
        var sb = new StringBuilder(text.Length * 2);
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            var atWordStart = i == 0 || !char.IsLetterOrDigit(s[i - 1]);

            if (atWordStart && TryRupiahPrefix(s, i, out var numberStart))
            {
                var number = NumberScanner.Scan(s, numberStart);
                sb.AppendWord(number.Words);
                i = SkipZeroCents(s, number.End);
                // "Rp 700.000 rupiah" must not say the currency twice.
                if (!FollowedByWord(s, i, "rupiah")) sb.AppendWord("rupiah");
                continue;
            }

            if (atWordStart && TryOrdinal(s, i, sb, out var ordinalEnd))
            {
                i = ordinalEnd;
                continue;
            }

            if (c == '+' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]) && atWordStart)
            {
                var end = i + 1;
                while (end < s.Length && char.IsAsciiDigit(s[end])) end++;
                sb.AppendWord("plus");
                sb.AppendWord(IndonesianNumberWords.DigitByDigit(s[(i + 1)..end]));
                i = end;
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                i = AppendNumber(s, i, sb);
                continue;
            }

            switch (c)
            {
                case '%':
                    sb.AppendWord("persen");
                    break;
                case '×':
                    sb.AppendWord("kali");
                    break;
                case '\r' or '\n' or '\t':
                    sb.Append(' ');
                    break;
                default:
                    // A letter straight after number words ("3x", "10kg") still needs a space.
                    if (char.IsLetter(c) && i > 0 && char.IsAsciiDigit(s[i - 1])) sb.Append(' ');
                    sb.Append(c);
                    break;
            }

            i++;
        }

        return CollapseSpaces(sb);
    }

    private static int AppendNumber(ReadOnlySpan<char> s, int start, StringBuilder sb)
    {
        var number = NumberScanner.Scan(s, start);
        sb.AppendWord(number.Words);
        var i = number.End;

        // A phone number written in parts ("021-165", "0811-8165-165") stays digit by digit.
        while (number.IsDigitString && i + 1 < s.Length && s[i] == '-' && char.IsAsciiDigit(s[i + 1]))
        {
            var end = i + 1;
            while (end < s.Length && char.IsAsciiDigit(s[end])) end++;
            sb.Append(',');
            sb.AppendWord(IndonesianNumberWords.DigitByDigit(s[(i + 1)..end]));
            i = end;
        }

        if (number.IsDigitString || i + 1 >= s.Length) return i;

        // Ranges: "4–24 bulan", "08.00–15.00".
        var next = s[i];
        if ((next is '–' or '—' or '-') && char.IsAsciiDigit(s[i + 1]))
        {
            sb.AppendWord("sampai");
            return i + 1;
        }

        // "1x24 jam".
        if ((next is 'x' or 'X') && char.IsAsciiDigit(s[i + 1]))
        {
            sb.AppendWord("kali");
            return i + 1;
        }

        return i;
    }

    private static bool TryRupiahPrefix(ReadOnlySpan<char> s, int i, out int numberStart)
    {
        numberStart = 0;
        if (i + 2 >= s.Length || (s[i] is not ('R' or 'r')) || (s[i + 1] is not ('p' or 'P'))) return false;
        var j = i + 2;
        if (j < s.Length && s[j] == '.') j++;
        while (j < s.Length && s[j] == ' ') j++;
        if (j >= s.Length || !char.IsAsciiDigit(s[j])) return false;
        numberStart = j;
        return true;
    }

    private static int SkipZeroCents(ReadOnlySpan<char> s, int i)
    {
        // "Rp 700.000,00" and "Rp 700.000,-" are whole rupiah.
        if (i + 1 < s.Length && s[i] == ',' && s[i + 1] == '-') return i + 2;
        if (i + 2 < s.Length && s[i] == ',' && s[i + 1] == '0' && s[i + 2] == '0') return i + 3;
        return i;
    }

    private static bool FollowedByWord(ReadOnlySpan<char> s, int i, string word)
    {
        while (i < s.Length && s[i] == ' ') i++;
        if (i + word.Length > s.Length || !s.Slice(i, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase))
            return false;
        var after = i + word.Length;
        return after == s.Length || !char.IsLetter(s[after]);
    }

    private static bool TryOrdinal(ReadOnlySpan<char> s, int i, StringBuilder sb, out int end)
    {
        end = i;
        // "ke-2" → "kedua", "ke-1" → "pertama".
        if (i + 3 >= s.Length || (s[i] is not ('k' or 'K')) || (s[i + 1] is not ('e' or 'E')) || s[i + 2] != '-'
            || !char.IsAsciiDigit(s[i + 3]))
            return false;
        var j = i + 3;
        while (j < s.Length && char.IsAsciiDigit(s[j])) j++;
        if (j - (i + 3) > 6) return false;
        var value = long.Parse(s[(i + 3)..j]);
        sb.AppendWord(value == 1 ? "pertama" : "ke" + IndonesianNumberWords.ToWords(value));
        end = j;
        return true;
    }

    private static string CollapseSpaces(StringBuilder sb)
    {
        var result = new StringBuilder(sb.Length);
        for (var k = 0; k < sb.Length; k++)
        {
            var ch = sb[k];
            if (ch == ' ' && (result.Length == 0 || result[^1] == ' ')) continue;
            // No space before punctuation that closes a phrase.
            if (ch is ',' or '.' or '?' or '!' or ';' or ':' && result.Length > 0 && result[^1] == ' ')
                result.Length--;
            result.Append(ch);
        }

        if (result.Length > 0 && result[^1] == ' ') result.Length--;
        return result.ToString();
    }
}
