namespace VikaIvr.Jkn.Billing;

/// <summary>Monthly contribution (rupiah, participant's share) of PBPU and BP participants by care class.</summary>
public static class MonthlyContribution
{
    public static long ForClass(int careClass) => careClass switch
    {
        1 => 150_000,
        2 => 100_000,
        3 => 35_000,
        _ => throw new ArgumentOutOfRangeException(nameof(careClass), careClass, "Care class is 1, 2 or 3."),
    };
}
