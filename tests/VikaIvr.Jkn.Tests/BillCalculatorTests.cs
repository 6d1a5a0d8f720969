using VikaIvr.Jkn.Billing;
using VikaIvr.Jkn.Participants;
using VikaIvr.Jkn.Time;

namespace VikaIvr.Jkn.Tests;

public class BillCalculatorTests
{
    private static readonly YearMonth M = new(2026, 11);

    [Theory]
    [InlineData(0, 0)]   // paid through M
    [InlineData(-1, 0)]  // paid through M−1: nothing strictly between
    [InlineData(-2, 1)]
    [InlineData(-7, 6)]
    [InlineData(-31, 30)]
    [InlineData(3, 0)]   // paid ahead
    public void Arrears_are_the_months_strictly_between(int offset, int expected) =>
        Assert.Equal(expected, BillCalculator.ArrearsMonths(M.AddMonths(offset), M));

    [Fact]
    public void Arrears_span_year_boundaries() =>
        Assert.Equal(2, BillCalculator.ArrearsMonths(new YearMonth(2025, 11), new YearMonth(2026, 2)));

    [Theory]
    [InlineData(1, 150_000)]
    [InlineData(2, 100_000)]
    [InlineData(3, 35_000)]
    public void Bill_is_arrears_plus_current_month(int careClass, long monthly)
    {
        var bill = BillCalculator.Compute(Segment.Pbpu, careClass, M.AddMonths(-4), M);
        Assert.Equal(BillKind.Due, bill.Kind);
        Assert.Equal(3, bill.ArrearsMonths);
        Assert.Equal(4 * monthly, bill.Amount);
    }

    [Fact]
    public void Arrears_are_billed_for_at_most_24_months()
    {
        var at24 = BillCalculator.Compute(Segment.Bp, 3, M.AddMonths(-25), M);
        Assert.Equal(24, at24.ArrearsMonths);
        Assert.Equal(25 * 35_000, at24.Amount);

        var at30 = BillCalculator.Compute(Segment.Bp, 1, M.AddMonths(-31), M);
        Assert.Equal(30, at30.ArrearsMonths);
        Assert.Equal(24, at30.BilledArrearsMonths);
        Assert.Equal(3_750_000, at30.Amount);
    }

    [Fact]
    public void Nothing_due_without_arrears()
    {
        var bill = BillCalculator.Compute(Segment.Pbpu, 3, M, M);
        Assert.Equal(BillKind.NothingDue, bill.Kind);
        Assert.Equal(0, bill.Amount);
        Assert.False(bill.RehabEligible);
    }

    [Theory]
    [InlineData(Segment.PbiApbn, BillKind.GovernmentPaid)]
    [InlineData(Segment.PbiApbd, BillKind.GovernmentPaid)]
    [InlineData(Segment.PpuPn, BillKind.EmployerPaid)]
    [InlineData(Segment.PpuBu, BillKind.EmployerPaid)]
    public void Pbi_and_ppu_have_no_bill_of_their_own(Segment segment, BillKind kind)
    {
        // Even with an old paid-through month on file, nothing is billed to them.
        var bill = BillCalculator.Compute(segment, 1, M.AddMonths(-10), M);
        Assert.Equal(kind, bill.Kind);
        Assert.Equal(0, bill.Amount);
        Assert.Equal(0, bill.RehabMaxInstalments);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(3, 0)]   // "more than 3 months"
    [InlineData(4, 2)]   // 4 months → at most 2
    [InlineData(5, 2)]   // floor of half
    [InlineData(6, 3)]
    [InlineData(23, 11)]
    [InlineData(24, 12)]
    [InlineData(25, 0)]  // beyond 24: no REHAB
    [InlineData(30, 0)]
    public void Rehab_instalments(int arrears, int expected) => Assert.Equal(expected, Rehab.MaxInstalmentsFor(arrears));

    [Fact]
    public void Rehab_is_offered_on_the_bill_only_within_4_to_24_months()
    {
        Assert.Equal(2, BillCalculator.Compute(Segment.Pbpu, 3, M.AddMonths(-5), M).RehabMaxInstalments);
        Assert.Equal(12, BillCalculator.Compute(Segment.Bp, 3, M.AddMonths(-25), M).RehabMaxInstalments);
        Assert.Equal(0, BillCalculator.Compute(Segment.Bp, 3, M.AddMonths(-26), M).RehabMaxInstalments);
        Assert.Equal(0, BillCalculator.Compute(Segment.Pbpu, 3, M.AddMonths(-4), M).RehabMaxInstalments);
    }

    [Fact]
    public void Current_month_is_taken_in_jakarta_time()
    {
        // 30 November 20:00 UTC is already 1 December 03:00 in Jakarta.
        var now = new DateTimeOffset(2026, 11, 30, 20, 0, 0, TimeSpan.Zero);
        Assert.Equal(new YearMonth(2026, 12), JakartaTime.CurrentMonth(now));
        Assert.Equal(new DateOnly(2026, 12, 1), JakartaTime.Today(now));
    }

    [Fact]
    public void Unknown_class_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MonthlyContribution.ForClass(4));
}
