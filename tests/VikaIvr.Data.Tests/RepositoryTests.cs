using VikaIvr.Data.Participants;
using VikaIvr.Flows.Ports;
using VikaIvr.Jkn.Flow;

namespace VikaIvr.Data.Tests;

public class RepositoryTests
{
    [Fact]
    public async Task Unknown_numbers_are_null()
    {
        using var db = await TempDatabase.CreateAsync();
        var repo = new SqliteParticipantRepository(db.Database);
        Assert.Null(await repo.FindByNikAsync("3171011708850009", default));
        Assert.Null(await repo.FindByCardAsync("0001234567899", default));
        // A NIK is not found through the card index, nor a card through the NIK index.
        Assert.Null(await repo.FindByCardAsync("3171011708850001", default));
        Assert.Null(await repo.FindByNikAsync("0001234567890", default));
    }

    [Fact]
    public async Task A_corrupt_database_surfaces_as_an_exception()
    {
        using var db = await TempDatabase.CreateAsync(pooling: false);
        var repo = new SqliteParticipantRepository(db.Database);
        Assert.NotNull(await repo.FindByNikAsync("3171011708850001", default));

        foreach (string f in Directory.GetFiles(db.Directory)) File.Delete(f);
        await File.WriteAllBytesAsync(Path.Combine(db.Directory, "vika.db"), new byte[8192].Select(_ => (byte)0x5A).ToArray());

        var ex = await Assert.ThrowsAsync<DataStoreException>(() => repo.FindByNikAsync("3171011708850001", default));
        Assert.DoesNotContain("3171011708850001", ex.Message);
        Assert.Contains("NIK", ex.Message);
    }

    [Fact]
    public async Task A_missing_database_is_not_silently_recreated()
    {
        using var db = await TempDatabase.CreateAsync(pooling: false);
        foreach (string f in Directory.GetFiles(db.Directory)) File.Delete(f);

        var repo = new SqliteParticipantRepository(db.Database);
        await Assert.ThrowsAsync<DataStoreException>(() => repo.FindByCardAsync("0001234567890", default));
        Assert.False(File.Exists(db.Database.FilePath));
    }

    [Fact]
    public async Task A_failing_connection_factory_surfaces_as_an_exception()
    {
        var repo = new SqliteParticipantRepository(new FailingConnectionFactory());
        var ex = await Assert.ThrowsAsync<DataStoreException>(() => repo.FindByNikAsync("3171011708850001", default));
        Assert.IsType<IOException>(ex.InnerException);
    }

    [Fact]
    public async Task Flow_action_turns_an_unavailable_store_into_failed()
    {
        var jkn = JknFlowActions.Create(new SqliteParticipantRepository(new FailingConnectionFactory()), TimeProvider.System);
        var v = new FlowVariables();
        v.Set("id", "3171011708850001", personal: true);
        v.Set("dob", "17081985", personal: true);
        var result = await jkn.Actions[0].ExecuteAsync(v, default);
        Assert.Equal(FlowActionResult.Failed, result.Outcome);
        Assert.DoesNotContain("3171011708850001", result.Detail);
        Assert.Contains("disk unplugged", result.Detail);
    }

    [Fact]
    public async Task Verify_and_answer_against_the_real_database()
    {
        using var db = await TempDatabase.CreateAsync();
        var jkn = JknFlowActions.Create(new SqliteParticipantRepository(db.Database), db.Clock);
        var v = new FlowVariables();
        v.Set("id", "0006789012345", personal: true);
        v.Set("dob", "04021988", personal: true);
        Assert.Equal(FlowActionResult.Ok, (await jkn.Actions[0].ExecuteAsync(v, default)).Outcome);
        await jkn.Actions[2].ExecuteAsync(v, default);
        Assert.Equal("Tagihan iuran Anda sebesar 3750000 rupiah, terdiri dari tunggakan 24 bulan dan iuran bulan berjalan.", v["bill_sentence"]);
    }
}
