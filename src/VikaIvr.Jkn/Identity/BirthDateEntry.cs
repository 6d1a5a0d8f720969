using System.Globalization;
using VikaIvr.Jkn.Time;

namespace VikaIvr.Jkn.Identity;

/// <summary>A birth date as a caller types it: 8 digits DDMMYYYY.</summary>
public static class BirthDateEntry
{
    public const int Length = 8;

    /// <summary>Nobody alive was born earlier; rejects typos like 01011085.</summary>
    public const int MinYear = 1900;

    /// <summary>True when the entry is a real calendar date from <see cref="MinYear"/> up to <paramref name="today"/>.</summary>
    public static bool TryParse(ReadOnlySpan<char> ddmmyyyy, DateOnly today, out DateOnly date)
    {
        date = default;
        if (ddmmyyyy.Length != Length || !DigitText.AllDigits(ddmmyyyy)) return false;
        int day = DigitText.Value(ddmmyyyy[..2]);
        int month = DigitText.Value(ddmmyyyy[2..4]);
        int year = DigitText.Value(ddmmyyyy[4..]);
        if (year < MinYear || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        var candidate = new DateOnly(year, month, day);
        if (candidate > today) return false;
        date = candidate;
        return true;
    }

    public static bool IsValid(ReadOnlySpan<char> ddmmyyyy, DateOnly today) => TryParse(ddmmyyyy, today, out _);

    public static bool IsValid(ReadOnlySpan<char> ddmmyyyy, TimeProvider clock) => IsValid(ddmmyyyy, JakartaTime.Today(clock));

    /// <summary>The DDMMYYYY form of a date (what a caller would type).</summary>
    public static string Format(DateOnly date) => date.ToString("ddMMyyyy", CultureInfo.InvariantCulture);
}
