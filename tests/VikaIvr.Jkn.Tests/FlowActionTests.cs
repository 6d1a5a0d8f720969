using VikaIvr.Flows.Ports;
using VikaIvr.Jkn.Flow;
using VikaIvr.Jkn.Participants;
using VikaIvr.Jkn.Time;

namespace VikaIvr.Jkn.Tests;

public class FlowActionTests
{
    private readonly InMemoryParticipantRepository _repository =
        new(DemoParticipants.For(new YearMonth(2026, 11)));

    private readonly JknFlowActions _jkn;

    public FlowActionTests() => _jkn = JknFlowActions.Create(_repository, TestClock.Create());

    private IFlowAction Action(string name) => _jkn.Actions.Single(a => a.Name == name);

    private static FlowVariables Entered(string id, string dob)
    {
        var v = new FlowVariables();
        v.Set("id", id, personal: true);
        v.Set("dob", dob, personal: true);
        return v;
    }

    [Fact]
    public void Lists_the_names_the_flow_uses()
    {
        Assert.Equal(["verify-participant", "load-status", "load-bill"], _jkn.Actions.Select(a => a.Name));
        Assert.Equal(["nik-or-card", "birth-date"], _jkn.Validators.Select(v => v.Name));
    }

    [Theory]
    [InlineData("3578101201800003", "12011980")]
    [InlineData("0003456789012", "12011980")]
    public async Task Verified_by_nik_or_card_then_status_and_bill(string id, string dob)
    {
        var v = Entered(id, dob);
        var result = await Action("verify-participant").ExecuteAsync(v, default);
        Assert.Equal(FlowActionResult.Ok, result.Outcome);
        Assert.Equal("3578********0003", v["participant_ref"]);
        Assert.False(v.IsPersonal("participant_ref"));
        Assert.True(v.IsPersonal("participant_name"));

        Assert.Equal(FlowActionResult.Ok, (await Action("load-status").ExecuteAsync(v, default)).Outcome);
        Assert.Equal(
            "Peserta atas nama Agus Wijaya, segmen Pekerja Bukan Penerima Upah atau Mandiri, kelas 2, status kepesertaan tidak aktif karena terdapat tunggakan iuran selama 6 bulan.",
            v["status_sentence"]);

        Assert.Equal(FlowActionResult.Ok, (await Action("load-bill").ExecuteAsync(v, default)).Outcome);
        Assert.StartsWith("Tagihan iuran Anda sebesar 700000 rupiah", v["bill_sentence"]);
    }

    [Theory]
    [InlineData("3578101201800003", "13011980")] // right number, wrong date
    [InlineData("3578101201800004", "12011980")] // unknown number, valid structure
    [InlineData("0003456789019", "12011980")]    // unknown card
    [InlineData("12345", "12011980")]            // malformed number
    [InlineData("3578101201800003", "99999999")] // malformed date
    public async Task Every_mismatch_gives_the_same_answer(string id, string dob)
    {
        var v = Entered(id, dob);
        var result = await Action("verify-participant").ExecuteAsync(v, default);
        Assert.Equal(new FlowActionResult(FlowActionResult.NotVerified), result);
        Assert.Null(v["participant_ref"]);
        Assert.Equal(FlowActionResult.Failed, (await Action("load-status").ExecuteAsync(v, default)).Outcome);
    }

    [Fact]
    public async Task A_failed_verification_forgets_an_earlier_participant()
    {
        var v = Entered("3171011708850001", "17081985");
        Assert.Equal(FlowActionResult.Ok, (await Action("verify-participant").ExecuteAsync(v, default)).Outcome);
        v.Set("dob", "18081985", personal: true);
        Assert.Equal(FlowActionResult.NotVerified, (await Action("verify-participant").ExecuteAsync(v, default)).Outcome);
        Assert.Null(v["participant_name"]);
        Assert.Equal(FlowActionResult.Failed, (await Action("load-bill").ExecuteAsync(v, default)).Outcome);
    }

    [Fact]
    public async Task Repository_failure_is_failed_without_personal_data()
    {
        _repository.Failure = new InvalidOperationException("lookup of 3578101201800003 failed: database is locked");
        var v = Entered("3578101201800003", "12011980");
        var result = await Action("verify-participant").ExecuteAsync(v, default);
        Assert.Equal(FlowActionResult.Failed, result.Outcome);
        Assert.NotNull(result.Detail);
        Assert.Contains("database is locked", result.Detail);
        Assert.DoesNotContain("3578101201800003", result.Detail);
    }

    [Fact]
    public async Task Cancellation_is_not_a_failure()
    {
        _repository.Failure = new OperationCanceledException();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Action("verify-participant").ExecuteAsync(Entered("3578101201800003", "12011980"), cts.Token));
    }

    [Fact]
    public async Task Missing_input_variables_fail()
    {
        var result = await Action("verify-participant").ExecuteAsync(new FlowVariables(), default);
        Assert.Equal(FlowActionResult.Failed, result.Outcome);
        Assert.Equal(0, _repository.Lookups);
    }

    [Fact]
    public async Task Bill_uses_the_clock_at_answer_time()
    {
        var clock = TestClock.Create();
        var jkn = JknFlowActions.Create(_repository, clock);
        var v = Entered("3171011708850001", "17081985");
        await jkn.Actions[0].ExecuteAsync(v, default);
        clock.Advance(TimeSpan.FromDays(31)); // December: Budi's November payment leaves no arrears yet
        await jkn.Actions[2].ExecuteAsync(v, default);
        Assert.Equal("Tidak ada tunggakan. Iuran Anda telah dibayar sampai dengan bulan November 2026.", v["bill_sentence"]);
        clock.Advance(TimeSpan.FromDays(31)); // January 2027: December is in arrears
        await jkn.Actions[2].ExecuteAsync(v, default);
        Assert.Equal("Tagihan iuran Anda sebesar 70000 rupiah, terdiri dari tunggakan 1 bulan dan iuran bulan berjalan.", v["bill_sentence"]);
    }

    [Theory]
    [InlineData("3171011708850001", true)]
    [InlineData("0001234567890", true)]
    [InlineData("3171013208850001", false)] // 16 digits, impossible date
    [InlineData("00012345678901", false)]   // 14 digits
    [InlineData("123456789012", false)]
    [InlineData("", false)]
    public void Nik_or_card_validator(string digits, bool valid) =>
        Assert.Equal(valid, _jkn.Validators[0].IsValid(digits, TestClock.Now));

    [Theory]
    [InlineData("17081985", true)]
    [InlineData("15112026", true)]
    [InlineData("16112026", false)]
    [InlineData("30021990", false)]
    [InlineData("1708198", false)]
    public void Birth_date_validator(string digits, bool valid) =>
        Assert.Equal(valid, _jkn.Validators[1].IsValid(digits, TestClock.Now));
}
