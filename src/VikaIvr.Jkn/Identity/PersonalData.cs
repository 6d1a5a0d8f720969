namespace VikaIvr.Jkn.Identity;

/// <summary>
/// Masking of personal data (NIK, card numbers, birth dates, digits typed at identification
/// steps) before it leaves a call: logs, call records, metrics, error messages.
/// </summary>
public static class PersonalData
{
    /// <summary>Shorter values keep no clear character at all: 4 + 4 of an 8-digit date would reveal it whole.</summary>
    public const int MinLengthToKeepEnds = 12;

    private const int KeptAtEachEnd = 4;

    /// <summary>
    /// "3171011708850001" → "3171********0001"; "0001234567890" → "0001*****7890";
    /// anything shorter than <see cref="MinLengthToKeepEnds"/> characters ("17081985", "1985-08-17", "12345")
    /// has every letter and digit replaced, separators kept. Null or empty stays as is.
    /// </summary>
    public static string Mask(string? value)
    {
        if (string.IsNullOrEmpty(value)) return value ?? "";
        if (value.Length >= MinLengthToKeepEnds)
        {
            return string.Create(value.Length, value, static (span, v) =>
            {
                v.AsSpan().CopyTo(span);
                span[KeptAtEachEnd..^KeptAtEachEnd].Fill('*');
            });
        }

        return string.Create(value.Length, value, static (span, v) =>
        {
            for (int i = 0; i < v.Length; i++) span[i] = char.IsLetterOrDigit(v[i]) ? '*' : v[i];
        });
    }

    /// <summary>A birth date masked for records: "**-**-****" (nothing of it is kept).</summary>
    public static string Mask(DateOnly date) => Mask(date.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Digit runs at least this long in free text (exception messages) are treated as personal.</summary>
    public const int MinScrubbedDigitRun = 8;

    /// <summary>
    /// Masks every run of <see cref="MinScrubbedDigitRun"/> or more digits in free text, for
    /// messages whose origin is not ours (an exception from a driver may quote a value).
    /// </summary>
    public static string ScrubDigits(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        System.Text.StringBuilder? sb = null;
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i])) { sb?.Append(text[i]); i++; continue; }
            int start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            int len = i - start;
            if (len >= MinScrubbedDigitRun)
            {
                sb ??= new System.Text.StringBuilder(text.Length).Append(text, 0, start);
                sb.Append(Mask(text.Substring(start, len)));
            }
            else
            {
                sb?.Append(text, start, len);
            }
        }
        return sb?.ToString() ?? text;
    }
}
