using VikaIvr.Jkn.Time;

namespace VikaIvr.Jkn.Participants;

/// <summary>
/// The six demo participants of VIKA.md. "Paid through" there is relative to the current month
/// M, so the rows are built for a given M; stores re-seed them with the current M at start.
/// </summary>
public static class DemoParticipants
{
    public static IReadOnlyList<Participant> For(YearMonth currentMonth) =>
    [
        new Participant
        {
            Nik = "3171011708850001", CardNumber = "0001234567890", Name = "Budi Santoso",
            BirthDate = new DateOnly(1985, 8, 17), Segment = Segment.Pbpu, CareClass = 3,
            Status = MembershipStatus.Active, PaidThrough = currentMonth,
        },
        new Participant
        {
            Nik = "3273054503920002", CardNumber = "0002345678901", Name = "Siti Rahmawati",
            BirthDate = new DateOnly(1992, 3, 5), Segment = Segment.PpuBu, CareClass = 1,
            Status = MembershipStatus.Active,
        },
        new Participant
        {
            Nik = "3578101201800003", CardNumber = "0003456789012", Name = "Agus Wijaya",
            BirthDate = new DateOnly(1980, 1, 12), Segment = Segment.Pbpu, CareClass = 2,
            Status = MembershipStatus.Inactive, InactiveReason = InactiveReason.Arrears,
            PaidThrough = currentMonth.AddMonths(-7),
        },
        new Participant
        {
            Nik = "5103066107750004", CardNumber = "0004567890123", Name = "Ni Made Ayu Lestari",
            BirthDate = new DateOnly(1975, 7, 21), Segment = Segment.PbiApbn, CareClass = 3,
            Status = MembershipStatus.Active,
        },
        new Participant
        {
            Nik = "6171030309600005", CardNumber = "0005678901234", Name = "Hendra Gunawan",
            BirthDate = new DateOnly(1960, 9, 3), Segment = Segment.PpuPn, CareClass = 1,
            Status = MembershipStatus.Inactive, InactiveReason = InactiveReason.NikMismatch,
        },
        new Participant
        {
            Nik = "7371114402880006", CardNumber = "0006789012345", Name = "Dewi Lestari",
            BirthDate = new DateOnly(1988, 2, 4), Segment = Segment.Bp, CareClass = 1,
            Status = MembershipStatus.Inactive, InactiveReason = InactiveReason.Arrears,
            PaidThrough = currentMonth.AddMonths(-31),
        },
    ];
}
