using System.Net;
using Microsoft.Extensions.Time.Testing;
using VikaIvr.Flows.Ports;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Hosting.Operator;
using VikaIvr.Sip.Tests.Admission;
using VikaIvr.Tests.Shared;

namespace VikaIvr.Server.Tests.Operator;

/// <summary>
/// check-pin with the node's lockout: wrong PINs across calls lock the caller number and the source
/// address apart; while locked the right PIN is refused exactly like a wrong one, and every step is
/// a security event (the PIN never written) and counted.
/// </summary>
public sealed class CheckPinLockoutTests : IDisposable
{
    private const string Pin = "246810";
    private static readonly IPEndPoint SourceA = new(IPAddress.Parse("10.0.0.7"), 5062);
    private static readonly IPEndPoint SourceB = new(IPAddress.Parse("10.0.0.8"), 5064);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 1, 0, 0, TimeSpan.Zero));
    private readonly MeterCapture _meters = new();
    private readonly ListLogger<OperatorPinDefence> _log = new();
    private readonly OperatorPinDefence _defence;

    public CheckPinLockoutTests()
    {
        _defence = new OperatorPinDefence(new OperatorPinLockout(3, TimeSpan.FromMinutes(15), 64, _time), new OperatorMetrics(_meters), _log);
    }

    public void Dispose() => _meters.Dispose();

    [Fact]
    public async Task Wrong_pins_across_calls_lock_the_caller_out_and_then_the_right_pin_is_refused_for_the_lockout()
    {
        Assert.Equal(FlowActionResult.NotVerified, await TryAsync("0811", SourceA, "111111"));
        Assert.Equal(FlowActionResult.NotVerified, await TryAsync("0811", SourceA, "222222"));
        Assert.Equal(FlowActionResult.NotVerified, await TryAsync("0811", SourceA, "333333"));

        Assert.Equal(FlowActionResult.NotVerified, await TryAsync("0811", SourceA, Pin));
        _time.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        Assert.Equal(FlowActionResult.NotVerified, await TryAsync("0811", SourceA, Pin));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(FlowActionResult.Ok, await TryAsync("0811", SourceA, Pin));

        Assert.Equal(
            [
                "SECURITY event=pin-failed src=10.0.0.7 port=5062 detail=\"caller=0811 failures=1\"",
                "SECURITY event=pin-failed src=10.0.0.7 port=5062 detail=\"caller=0811 failures=2\"",
                "SECURITY event=pin-failed src=10.0.0.7 port=5062 detail=\"caller=0811 failures=3\"",
                "SECURITY event=locked-out src=10.0.0.7 port=5062 detail=\"caller=0811 locked=caller minutes=15\"",
                "SECURITY event=locked-out src=10.0.0.7 port=5062 detail=\"caller=0811 locked=source minutes=15\"",
                "SECURITY event=locked-out src=10.0.0.7 port=5062 detail=\"caller=0811 locked=caller\"",
                "SECURITY event=locked-out src=10.0.0.7 port=5062 detail=\"caller=0811 locked=caller\"",
            ],
            _log.Lines);
        Assert.DoesNotContain(_log.Lines, l => l.Contains(Pin, StringComparison.Ordinal) || l.Contains("111111", StringComparison.Ordinal));
        // Tries while locked are not wrong PINs: the PIN was never compared.
        Assert.Equal(3, _meters.Sum("vika.operator.pin_failures"));
        Assert.Equal(1, _meters.Sum("vika.operator.lockouts", "key=caller"));
        Assert.Equal(1, _meters.Sum("vika.operator.lockouts", "key=source"));
    }

    [Fact]
    public async Task A_locked_number_is_refused_from_any_source_and_a_locked_source_for_any_number()
    {
        // 0811 fails from three sources (locks the number only); 0822 and 0833 then fail from A (A reaches three).
        await TryAsync("0811", SourceA, "111111");
        await TryAsync("0811", SourceB, "111111");
        await TryAsync("0811", new IPEndPoint(IPAddress.Parse("10.0.0.9"), 5060), "111111");
        Assert.Equal(FlowActionResult.NotVerified, await TryAsync("0811", new IPEndPoint(IPAddress.Parse("10.0.0.10"), 5060), Pin));

        Assert.Equal(FlowActionResult.Ok, await TryAsync("0822", SourceB, Pin));
        await TryAsync("0822", SourceA, "111111");
        await TryAsync("0833", SourceA, "111111");
        Assert.Equal(FlowActionResult.NotVerified, await TryAsync("0844", SourceA, Pin));
        Assert.Equal(FlowActionResult.Ok, await TryAsync("0844", SourceB, Pin));

        Assert.Contains("SECURITY event=locked-out src=10.0.0.10 port=5060 detail=\"caller=0811 locked=caller\"", _log.Lines);
        Assert.Contains("SECURITY event=locked-out src=10.0.0.7 port=5062 detail=\"caller=0844 locked=source\"", _log.Lines);
    }

    [Fact]
    public async Task A_locked_caller_hears_the_wrong_pins_outcome_and_the_entry_is_gone_from_the_variables()
    {
        for (int i = 0; i < 3; i++) await TryAsync("0811", SourceA, "999999");
        var variables = new FlowVariables();
        variables.Set(CheckPinAction.Variable, Pin, personal: true);

        var result = await Action("0811", SourceA).ExecuteAsync(variables, default);

        Assert.Equal(new FlowActionResult(FlowActionResult.NotVerified), result);
        Assert.Null(variables[CheckPinAction.Variable]);
    }

    private CheckPinAction Action(string caller, IPEndPoint source) =>
        new(new OperatorLine("16599", Pin), _defence.For(OperatorCaller.Of(new FakeCall("16599", caller, source))));

    private async Task<string> TryAsync(string caller, IPEndPoint source, string entered)
    {
        var variables = new FlowVariables();
        variables.Set(CheckPinAction.Variable, entered, personal: true);
        return (await Action(caller, source).ExecuteAsync(variables, default)).Outcome;
    }
}
