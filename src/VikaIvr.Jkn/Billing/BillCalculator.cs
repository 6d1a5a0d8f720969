using VikaIvr.Jkn.Participants;
using VikaIvr.Jkn.Time;

namespace VikaIvr.Jkn.Billing;

/// <summary>Arrears, bill and REHAB from "paid through" and the current month (pure; the caller supplies the month).</summary>
public static class BillCalculator
{
    /// <summary>Perpres 64/2020: arrears are billed for at most 24 months.</summary>
    public const int MaxBilledArrearsMonths = 24;

    /// <summary>Months strictly between <paramref name="paidThrough"/> and <paramref name="currentMonth"/>; 0 when paid up or ahead.</summary>
    public static int ArrearsMonths(YearMonth? paidThrough, YearMonth currentMonth) =>
        paidThrough is { } p ? Math.Max(0, p.MonthsUntil(currentMonth) - 1) : 0;

    public static Bill Compute(Participant participant, YearMonth currentMonth)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return Compute(participant.Segment, participant.CareClass, participant.PaidThrough, currentMonth);
    }

    public static Bill Compute(ParticipantSummary participant, YearMonth currentMonth)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return Compute(participant.Segment, participant.CareClass, participant.PaidThrough, currentMonth);
    }

    public static Bill Compute(Segment segment, int careClass, YearMonth? paidThrough, YearMonth currentMonth)
    {
        if (SegmentCodes.IsGovernmentPaid(segment)) return new Bill(BillKind.GovernmentPaid, 0, 0, 0, 0, paidThrough);
        if (SegmentCodes.IsEmployerPaid(segment)) return new Bill(BillKind.EmployerPaid, 0, 0, 0, 0, paidThrough);

        int arrears = ArrearsMonths(paidThrough, currentMonth);
        if (arrears == 0) return new Bill(BillKind.NothingDue, 0, 0, 0, 0, paidThrough);

        int billed = Math.Min(arrears, MaxBilledArrearsMonths);
        long amount = (billed + 1) * MonthlyContribution.ForClass(careClass);
        return new Bill(BillKind.Due, arrears, billed, amount, Rehab.MaxInstalmentsFor(arrears), paidThrough);
    }
}
