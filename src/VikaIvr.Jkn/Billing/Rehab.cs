namespace VikaIvr.Jkn.Billing;

/// <summary>REHAB (Rencana Pembayaran Bertahap): instalment plan for PBPU/BP arrears of 4–24 months.</summary>
public static class Rehab
{
    public const int MinArrearsMonths = 4;
    public const int MaxArrearsMonths = 24;
    public const int MaxInstalments = 12;

    /// <summary>The last day of a month on which REHAB can be registered in Mobile JKN.</summary>
    public const int RegistrationLastDay = 28;

    /// <summary>Most instalments allowed: min(12, arrears / 2); 0 when arrears are outside 4–24 months.</summary>
    public static int MaxInstalmentsFor(int arrearsMonths) =>
        arrearsMonths < MinArrearsMonths || arrearsMonths > MaxArrearsMonths
            ? 0
            : Math.Min(MaxInstalments, arrearsMonths / 2);
}
