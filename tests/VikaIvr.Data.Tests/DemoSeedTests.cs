using Dapper;
using VikaIvr.Data.Participants;
using VikaIvr.Jkn.Participants;
using VikaIvr.Jkn.Time;

namespace VikaIvr.Data.Tests;

public class DemoSeedTests
{
    [Fact]
    public async Task The_six_demo_participants_are_stored_exactly()
    {
        using var db = await TempDatabase.CreateAsync();
        var repo = new SqliteParticipantRepository(db.Database);

        var expected = new (string Nik, string Card, string Name, DateOnly Birth, Segment Segment, int Class, MembershipStatus Status, InactiveReason Reason, YearMonth? Paid)[]
        {
            ("3171011708850001", "0001234567890", "Budi Santoso", new(1985, 8, 17), Segment.Pbpu, 3, MembershipStatus.Active, InactiveReason.None, new YearMonth(2026, 11)),
            ("3273054503920002", "0002345678901", "Siti Rahmawati", new(1992, 3, 5), Segment.PpuBu, 1, MembershipStatus.Active, InactiveReason.None, null),
            ("3578101201800003", "0003456789012", "Agus Wijaya", new(1980, 1, 12), Segment.Pbpu, 2, MembershipStatus.Inactive, InactiveReason.Arrears, new YearMonth(2026, 4)),
            ("5103066107750004", "0004567890123", "Ni Made Ayu Lestari", new(1975, 7, 21), Segment.PbiApbn, 3, MembershipStatus.Active, InactiveReason.None, null),
            ("6171030309600005", "0005678901234", "Hendra Gunawan", new(1960, 9, 3), Segment.PpuPn, 1, MembershipStatus.Inactive, InactiveReason.NikMismatch, null),
            ("7371114402880006", "0006789012345", "Dewi Lestari", new(1988, 2, 4), Segment.Bp, 1, MembershipStatus.Inactive, InactiveReason.Arrears, new YearMonth(2024, 4)),
        };

        foreach (var e in expected)
        {
            var p = await repo.FindByNikAsync(e.Nik, default);
            Assert.NotNull(p);
            Assert.Equal(
                new Participant
                {
                    Nik = e.Nik, CardNumber = e.Card, Name = e.Name, BirthDate = e.Birth, Segment = e.Segment,
                    CareClass = e.Class, Status = e.Status, InactiveReason = e.Reason, PaidThrough = e.Paid,
                },
                p);
            Assert.Equal(p, await repo.FindByCardAsync(e.Card, default));
        }

        await using var c = await db.Database.OpenSqliteAsync(default);
        Assert.Equal(6, c.ExecuteScalar<int>("SELECT COUNT(*) FROM participants WHERE origin = 'demo'"));
    }

    [Fact]
    public async Task Restarting_in_a_later_month_moves_paid_through_with_it()
    {
        using var db = await TempDatabase.CreateAsync();
        db.Clock.Advance(TimeSpan.FromDays(60)); // January 2027
        await db.Database.InitializeAsync(db.Clock, default);

        var repo = new SqliteParticipantRepository(db.Database);
        Assert.Equal(new YearMonth(2027, 1), (await repo.FindByNikAsync("3171011708850001", default))!.PaidThrough);
        Assert.Equal(new YearMonth(2026, 6), (await repo.FindByNikAsync("3578101201800003", default))!.PaidThrough);

        await using var c = await db.Database.OpenSqliteAsync(default);
        Assert.Equal(6, c.ExecuteScalar<int>("SELECT COUNT(*) FROM participants"));
    }
}
