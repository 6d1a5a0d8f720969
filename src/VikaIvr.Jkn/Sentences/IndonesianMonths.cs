namespace VikaIvr.Jkn.Sentences;

/// <summary>Indonesian month names (the invariant culture would give English ones).</summary>
public static class IndonesianMonths
{
    private static readonly string[] Names =
    [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ];

    /// <summary>1 = Januari … 12 = Desember.</summary>
    public static string Name(int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return Names[month - 1];
    }
}
