namespace VikaIvr.Speech.Text;

/// <summary>Indonesian month names (Januari … Desember).</summary>
public static class IndonesianMonths
{
    private static readonly string[] Names =
    [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ];

    /// <summary>The name of month 1–12.</summary>
    public static string Name(int month)
    {
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month));
        return Names[month - 1];
    }

    /// <summary>The month number of an Indonesian month name (any case), or 0.</summary>
    public static int Parse(ReadOnlySpan<char> name)
    {
        for (var i = 0; i < Names.Length; i++)
            if (name.Equals(Names[i], StringComparison.OrdinalIgnoreCase)) return i + 1;
        return 0;
    }
}
