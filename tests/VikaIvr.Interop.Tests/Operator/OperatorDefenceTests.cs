using System.Globalization;
using System.Text.RegularExpressions;
using VikaIvr.Interop.Tests.Cli;
using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Interop.Tests.Sip;
using Caller = VikaIvr.Testing.Caller;

namespace VikaIvr.Interop.Tests.Operator;

/// <summary>
/// Issue 13, must-show 3 and the operator line's AllowFrom against a real `vika serve`: wrong PINs
/// across calls lock the caller out, so the next call's right PIN is refused like a wrong one; the
/// events are the shipped fail2ban filter's; a source outside Operator:AllowFrom meets exactly the
/// unknown-number answer.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class OperatorDefenceTests(OperatorDefenceServerFixture fixture) : IClassFixture<OperatorDefenceServerFixture>
{
    private const string Number = "0811000077";

    [Fact]
    public async Task Wrong_pins_across_calls_lock_the_caller_out_even_with_the_right_pin_and_the_filter_matches_the_events()
    {
        var server = fixture.Server;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;

        // One wrong PIN on the first call, two on the second: the third across calls starts the lockout.
        await CallAsync("111111#", () => Count(server, "event=pin-failed") == 1, "the first wrong PIN", ct);
        await CallAsync("222222#333333#", () => Count(server, "locked=caller minutes=15") == 1, "the lockout", ct);
        Assert.Equal(OperatorDefenceServerFixture.MaxPinFailures, Count(server, "event=pin-failed"));

        // The right PIN while locked: the wrong PIN's prompt, never compared (no pin-failed), one locked-out event.
        var locked = await CallAsync(OperatorServerFixture.Pin + "#", () => Count(server, "locked=caller\"") == 1, "the locked caller's try", ct);
        var record = await CdrReader.WaitForAsync(server, r => r.CallId == locked, TimeSpan.FromSeconds(30));
        Assert.Contains("wrong-pin", record.Nodes);
        Assert.DoesNotContain("enter-number", record.Nodes);
        Assert.Equal(OperatorDefenceServerFixture.MaxPinFailures, Count(server, "event=pin-failed"));
        Assert.DoesNotContain(OperatorServerFixture.Pin, server.Output, StringComparison.Ordinal);

        // Every pin-failed and locked-out line is a ban candidate for the shipped filter, with the transport source.
        int events = Count(server, "event=pin-failed") + Count(server, "event=locked-out");
        Assert.Equal(OperatorDefenceServerFixture.MaxPinFailures + 3, events);
        var log = Path.Combine(fixture.Work, "operator-defence.log");
        await File.WriteAllTextAsync(log, server.Output, ct);
        var hosts = await SipEdgeTests.Fail2banHostsAsync(log);
        Assert.True(hosts.Count(h => h == OperatorDefenceServerFixture.AllowedSource) == events, string.Join(",", hosts) + "\n" + server.Output);

        using var http = new HttpClient();
        var metrics = await http.GetStringAsync(new Uri(server.AdminUrl, "/metrics"), ct);
        Assert.Equal(OperatorDefenceServerFixture.MaxPinFailures, Sum(metrics, "vika_operator_pin_failures_total"));
        Assert.Equal(2, Sum(metrics, "vika_operator_lockouts_total")); // the caller number and the source address
    }

    [Fact]
    public async Task A_source_outside_allow_from_gets_exactly_the_unknown_numbers_answer()
    {
        var server = fixture.Server;
        var wait = TimeSpan.FromSeconds(5);
        var toOperator = await SipInviteProbe.FinalAnswerAsync(server.SipEndPoint, wait, "127.0.0.3", OperatorServerFixture.Number);
        var toUnknown = await SipInviteProbe.FinalAnswerAsync(server.SipEndPoint, wait, "127.0.0.3", "16598");

        Assert.True(toOperator is not null && toUnknown is not null, server.Output);
        Assert.StartsWith("SIP/2.0 404 ", toOperator);
        Assert.Equal(Shape(toUnknown), Shape(toOperator));
        await ServeDrainTests.WaitUntilAsync(server, () => Count(server, "event=unknown-number src=127.0.0.3") == 2, TimeSpan.FromSeconds(10),
            "both unknown-number events");
        Assert.Contains($"detail=\"number={OperatorServerFixture.Number}\"", server.Output, StringComparison.Ordinal);
    }

    /// <summary>Dials the operator line from <see cref="Number"/>, keys <paramref name="digits"/>, hangs up once <paramref name="done"/>; returns the Call-ID.</summary>
    private async Task<string> CallAsync(string digits, Func<bool> done, string what, CancellationToken ct)
    {
        var server = fixture.Server;
        await using var call = await Caller.TestCaller.DialAsync($"sip:{OperatorServerFixture.Number}@127.0.0.1:{server.SipPort}",
            new Caller.TestCallerOptions { FromUser = Number }, ct: ct);
        Assert.True(call.IsEstablished, server.Output);
        await call.SendDigitsAsync(digits, TimeSpan.FromMilliseconds(120), ct);
        await ServeDrainTests.WaitUntilAsync(server, done, TimeSpan.FromSeconds(20), what);
        await call.HangupAsync(ct);
        return call.Call.CallId;
    }

    private static int Count(ServerProcess server, string text) => Regex.Count(server.Output, Regex.Escape(text));

    /// <summary>The status line and every header but those that echo the request (Via, From, To, Call-ID, CSeq), in order.</summary>
    private static string Shape(string response)
    {
        string[] echoed = ["via:", "from:", "to:", "call-id:", "cseq:"];
        var lines = response.Split("\r\n\r\n")[0].Split("\r\n");
        return string.Join("\n", lines.Select(l => echoed.Any(e => l.StartsWith(e, StringComparison.OrdinalIgnoreCase)) ? l.Split(':')[0] : l));
    }

    private static double Sum(string metrics, string name) =>
        Regex.Matches(metrics, "^" + name + @"(?:\{[^}]*\})? (\S+)", RegexOptions.Multiline)
            .Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
}
