namespace VikaIvr.Jkn.Time;

/// <summary>A calendar month (year and month), the unit contributions are paid in.</summary>
public readonly record struct YearMonth : IComparable<YearMonth>
{
    public YearMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    public int Year { get; }

    /// <summary>1 = January … 12 = December.</summary>
    public int Month { get; }

    private int Index => Year * 12 + (Month - 1);

    public static YearMonth FromDate(DateOnly date) => new(date.Year, date.Month);

    public YearMonth AddMonths(int months)
    {
        int index = Index + months;
        return new YearMonth(index / 12, index % 12 + 1);
    }

    /// <summary>Signed number of months from this month to <paramref name="later"/> (later − this).</summary>
    public int MonthsUntil(YearMonth later) => later.Index - Index;

    public int CompareTo(YearMonth other) => Index.CompareTo(other.Index);

    public static bool operator <(YearMonth a, YearMonth b) => a.Index < b.Index;
    public static bool operator >(YearMonth a, YearMonth b) => a.Index > b.Index;
    public static bool operator <=(YearMonth a, YearMonth b) => a.Index <= b.Index;
    public static bool operator >=(YearMonth a, YearMonth b) => a.Index >= b.Index;

    /// <summary>"yyyy-MM", the storage form.</summary>
    public override string ToString() => $"{Year:D4}-{Month:D2}";

    public static bool TryParse(ReadOnlySpan<char> text, out YearMonth value)
    {
        value = default;
        if (text.Length != 7 || text[4] != '-') return false;
        if (!int.TryParse(text[..4], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int y)) return false;
        if (!int.TryParse(text[5..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int m)) return false;
        if (y < 1 || m < 1 || m > 12) return false;
        value = new YearMonth(y, m);
        return true;
    }

    public static YearMonth Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"Not a year-month (yyyy-MM): '{text}'.");
}
