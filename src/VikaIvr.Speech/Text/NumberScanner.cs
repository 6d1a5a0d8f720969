using System.Text;

namespace VikaIvr.Speech.Text;

/// <summary>One numeric expression read from text and its spoken words.</summary>
internal readonly record struct NumberToken(string Words, int End, bool IsDigitString);

/// <summary>
/// Reads the numeric expression starting at a digit: a date (17-08-1985, 17/08/1985,
/// 1985-08-17), a clock time (08.00, 15:30), a number with Indonesian thousands dots
/// (700.000) and decimal comma (2,5), or a digit string spoken digit by digit.
/// </summary>
internal static class NumberScanner
{
    public static NumberToken Scan(ReadOnlySpan<char> s, int start)
    {
        var runEnd = DigitRunEnd(s, start);
        var run = s[start..runEnd];

        if (TryDate(s, start, runEnd, out var date)) return date;
        if (TryTime(s, start, runEnd, out var time)) return time;

        var isDigitString = (run.Length > 1 && run[0] == '0') || run.Length > IndonesianNormalizer.MaxDigitsAsNumber;
        if (isDigitString)
            return new NumberToken(IndonesianNumberWords.DigitByDigit(run), runEnd, true);

        // Thousands groups: "2.500.000". A dot not followed by exactly three digits ends a sentence.
        var digits = new StringBuilder().Append(run);
        var end = runEnd;
        if (run.Length <= 3)
        {
            while (end < s.Length && s[end] == '.' && IsExactRun(s, end + 1, 3))
            {
                digits.Append(s.Slice(end + 1, 3));
                end += 4;
            }
        }

        if (digits.Length > IndonesianNormalizer.MaxDigitsAsNumber)
            return new NumberToken(IndonesianNumberWords.DigitByDigit(digits.ToString()), end, true);

        var words = new StringBuilder();
        IndonesianNumberWords.AppendWords(words, long.Parse(digits.ToString()));

        // Decimal comma: "2,5" → "dua koma lima"; ",00" is dropped (whole amount).
        if (end + 1 < s.Length && s[end] == ',' && char.IsAsciiDigit(s[end + 1]))
        {
            var fracEnd = DigitRunEnd(s, end + 1);
            var frac = s[(end + 1)..fracEnd];
            if (frac.TrimStart('0').Length > 0)
            {
                words.Append(" koma ");
                IndonesianNumberWords.AppendDigits(words, frac);
            }

            end = fracEnd;
        }

        return new NumberToken(words.ToString(), end, false);
    }

    private static bool TryDate(ReadOnlySpan<char> s, int start, int runEnd, out NumberToken token)
    {
        token = default;
        var len = runEnd - start;
        if (runEnd >= s.Length || (s[runEnd] is not ('-' or '/'))) return false;
        var sep = s[runEnd];

        int day, month, year, end;
        if (len is 1 or 2)
        {
            // DD-MM-YYYY
            var mStart = runEnd + 1;
            var mEnd = DigitRunEnd(s, mStart);
            if (mEnd - mStart is not (1 or 2) || mEnd >= s.Length || s[mEnd] != sep) return false;
            var yStart = mEnd + 1;
            var yEnd = DigitRunEnd(s, yStart);
            if (yEnd - yStart != 4) return false;
            day = int.Parse(s[start..runEnd]);
            month = int.Parse(s[mStart..mEnd]);
            year = int.Parse(s[yStart..yEnd]);
            end = yEnd;
        }
        else if (len == 4 && sep == '-')
        {
            // YYYY-MM-DD
            var mStart = runEnd + 1;
            if (!IsExactRun(s, mStart, 2) || mStart + 2 >= s.Length || s[mStart + 2] != '-' || !IsExactRun(s, mStart + 3, 2))
                return false;
            year = int.Parse(s[start..runEnd]);
            month = int.Parse(s.Slice(mStart, 2));
            day = int.Parse(s.Slice(mStart + 3, 2));
            end = mStart + 5;
        }
        else return false;

        if (day is < 1 or > 31 || month is < 1 or > 12) return false;
        token = new NumberToken(
            $"{IndonesianNumberWords.ToWords(day)} {IndonesianMonths.Name(month)} {IndonesianNumberWords.ToWords(year)}",
            end, false);
        return true;
    }

    private static bool TryTime(ReadOnlySpan<char> s, int start, int runEnd, out NumberToken token)
    {
        token = default;
        if (runEnd - start is not (1 or 2) || runEnd >= s.Length || (s[runEnd] is not ('.' or ':'))) return false;
        if (!IsExactRun(s, runEnd + 1, 2)) return false;
        var hour = int.Parse(s[start..runEnd]);
        var minute = int.Parse(s.Slice(runEnd + 1, 2));
        if (hour > 24 || minute > 59) return false;
        var words = minute == 0
            ? IndonesianNumberWords.ToWords(hour)
            : $"{IndonesianNumberWords.ToWords(hour)} {IndonesianNumberWords.ToWords(minute)}";
        token = new NumberToken(words, runEnd + 3, false);
        return true;
    }

    private static int DigitRunEnd(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        return i;
    }

    /// <summary>True when exactly <paramref name="count"/> digits start at <paramref name="i"/>.</summary>
    private static bool IsExactRun(ReadOnlySpan<char> s, int i, int count)
        => i + count <= s.Length && DigitRunEnd(s, i) == i + count;
}
