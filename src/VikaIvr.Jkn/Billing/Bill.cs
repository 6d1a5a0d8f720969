using VikaIvr.Jkn.Time;

namespace VikaIvr.Jkn.Billing;

/// <summary>What a participant owes in the current month.</summary>
/// <param name="ArrearsMonths">Months strictly between paid-through and the current month (not capped).</param>
/// <param name="BilledArrearsMonths">Arrears months counted in the bill (at most <see cref="BillCalculator.MaxBilledArrearsMonths"/>).</param>
/// <param name="Amount">Rupiah due: (billed arrears + current month) × monthly contribution; 0 when nothing is due.</param>
/// <param name="RehabMaxInstalments">Most REHAB instalments allowed; 0 when REHAB does not apply.</param>
/// <param name="PaidThrough">Last paid month, where known.</param>
public sealed record Bill(
    BillKind Kind,
    int ArrearsMonths,
    int BilledArrearsMonths,
    long Amount,
    int RehabMaxInstalments,
    YearMonth? PaidThrough)
{
    public bool RehabEligible => RehabMaxInstalments > 0;
}
