using Dapper;
using VikaIvr.Data.Participants;
using VikaIvr.Data.Synthetic;
using VikaIvr.Jkn.Billing;
using VikaIvr.Jkn.Identity;
using VikaIvr.Jkn.Participants;
using VikaIvr.Jkn.Time;

namespace VikaIvr.Data.Tests;

public class SyntheticTests
{
    private static readonly DateOnly Today = new(2026, 11, 15);

    [Fact]
    public void Every_nik_is_valid_unique_and_encodes_the_birth_date()
    {
        var people = new SyntheticParticipantGenerator(7).Generate(0, 20_000, Today).ToList();
        Assert.Equal(20_000, people.Count);
        Assert.Equal(people.Count, people.Select(p => p.Nik).Distinct().Count());
        Assert.Equal(people.Count, people.Select(p => p.CardNumber).Distinct().Count());
        foreach (var p in people)
        {
            Assert.True(Nik.TryGetBirthDate(p.Nik, Today, out var birth, out _), p.MaskedNik);
            Assert.Equal(p.BirthDate, birth);
            Assert.True(KisCardNumber.IsValid(p.CardNumber));
            Assert.InRange(p.CareClass, 1, 3);
            Assert.Equal(SegmentCodes.PaysOwnContribution(p.Segment), p.PaidThrough is not null);
            if (p.InactiveReason == InactiveReason.Arrears)
                Assert.True(BillCalculator.ArrearsMonths(p.PaidThrough, new YearMonth(2026, 11)) > 0);
        }

        var demo = DemoParticipants.For(new YearMonth(2026, 11));
        Assert.DoesNotContain(people, p => demo.Any(d => d.Nik == p.Nik || d.CardNumber == p.CardNumber));
        // Enough variety to exercise every answer.
        Assert.Equal(6, people.Select(p => p.Segment).Distinct().Count());
        Assert.Contains(people, p => p.InactiveReason == InactiveReason.NikMismatch);
        Assert.Contains(people, p => BillCalculator.ArrearsMonths(p.PaidThrough, new YearMonth(2026, 11)) > 24);
    }

    [Fact]
    public void Index_encoding_stays_unique_across_region_boundaries()
    {
        var birth = new DateOnly(1990, 1, 1);
        var niks = new HashSet<string>();
        foreach (long i in new long[] { 0, 8999, 9000, 9001, 9000L * 99 - 1, 9000L * 99, 9000L * 99 * 99, SyntheticParticipantGenerator.Capacity - 1 })
        {
            string nik = SyntheticParticipantGenerator.NikFor(i, birth, female: false);
            Assert.True(Nik.IsValid(nik, Today), nik);
            Assert.True(niks.Add(nik));
        }
    }

    [Fact]
    public async Task Seeding_twice_adds_more_without_collisions()
    {
        using var db = await TempDatabase.CreateAsync();
        var seeder = new SyntheticSeeder(db.Database, db.Clock);
        Assert.Equal(5_000, await seeder.SeedAsync(5_000, default));
        Assert.Equal(3_000, await seeder.SeedAsync(3_000, default));

        await using var c = await db.Database.OpenSqliteAsync(default);
        Assert.Equal(8_006, c.ExecuteScalar<int>("SELECT COUNT(*) FROM participants"));

        var repo = new SqliteParticipantRepository(db.Database);
        var sample = new SyntheticParticipantGenerator().Generate(5_000, 1, Today).Single();
        Assert.Equal(sample, await repo.FindByNikAsync(sample.Nik, default));
        Assert.Equal(sample, await repo.FindByCardAsync(sample.CardNumber, default));
    }

    [Fact]
    public async Task Writer_commits_across_batches_and_skips_duplicates()
    {
        using var db = await TempDatabase.CreateAsync();
        var people = new SyntheticParticipantGenerator(3).Generate(0, 250, Today).ToList();
        var writer = new ParticipantWriter(db.Database);
        Assert.Equal(250, await writer.InsertAsync(people, "synthetic", default, batchSize: 100));
        Assert.Equal(0, await writer.InsertAsync(people.Take(10), "synthetic", default, batchSize: 100));
    }
}
