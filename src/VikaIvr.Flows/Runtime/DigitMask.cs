using System.Text;

namespace VikaIvr.Flows.Runtime;

/// <summary>Masks personal digits for records and logs: 3171********0001; short entries are fully hidden.</summary>
public static class DigitMask
{
    public static string Mask(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (digits.Length < 12) return new string('*', digits.Length);
        return string.Concat(digits.AsSpan(0, 4), new string('*', digits.Length - 8), digits.AsSpan(digits.Length - 4));
    }

    /// <summary>Masks every run of six or more digits in free text (exception messages may quote input).</summary>
    public static string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i])) { sb.Append(text[i++]); continue; }
            int start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            string run = text[start..i];
            sb.Append(run.Length >= 6 ? Mask(run) : run);
        }

        return sb.ToString();
    }
}
