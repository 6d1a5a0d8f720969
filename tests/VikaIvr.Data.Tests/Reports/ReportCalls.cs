using VikaIvr.Flows.Loading;
using VikaIvr.Flows.Model;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Data.Tests.Reports;

/// <summary>
/// A small flow and a hand-made set of calls over 5 December 2026, 08:00–11:00 UTC, whose figures
/// are worked out by hand in <see cref="CallReportBuilderTests"/>.
/// </summary>
internal static class ReportCalls
{
    public static readonly DateTimeOffset From = new(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset To = new(2026, 12, 5, 11, 0, 0, TimeSpan.Zero);

    private const string FlowYaml = """
        start: welcome
        nodes:
          welcome:
            kind: play
            prompt: welcome
            next: menu
          menu:
            kind: menu
            prompt: main-menu
            choices:
              "1": verify
              "2": info
              "0": agent
            on-too-many: bye
          verify:
            kind: action
            action: verify-participant
            outcomes:
              ok: answer
              not-verified: menu
          info:
            kind: play
            prompt: info
            next: menu
          answer:
            kind: say
            text: "{status_sentence}"
            outcome: status-answered
            next: bye
          agent:
            kind: transfer
            target: "sip:agent@127.0.0.1"
            on-failure: busy
          busy:
            kind: play
            prompt: agents-busy
            next: menu
          bye:
            kind: play
            prompt: goodbye
            next: end
          end:
            kind: hangup
        """;

    public static FlowDefinition Flow() => FlowLoader.Parse(FlowYaml, "report-test.yaml", FlowCheckContext.None);

    /// <summary>Nine calls: seven finished in the period, one in progress, two outside it.</summary>
    public static List<CallRecord> All() =>
    [
        // Starts exactly at the period's start (written in Jakarta time): the caller hangs up during the welcome.
        Call("c9", new DateTimeOffset(2026, 12, 5, 15, 0, 0, TimeSpan.FromHours(7)), 2, "caller-hangup", "caller", "caller-hangup",
            ["welcome"], ["play welcome", "caller hung up"]),
        Call("c1", At(8, 10), 30, "server-hangup", "server", "status-answered",
            ["welcome", "menu", "verify", "answer", "bye", "end"], ["menu menu: key 1", "action verify (verify-participant): ok", "hangup"], "rfc4733"),
        Call("c2", At(8, 20), 20, "server-hangup", "server", "transferred",
            ["welcome", "menu", "agent"], ["menu menu: key 0", "transfer sip:agent@127.0.0.1: accepted (202 Accepted)"], "rfc4733", "info"),
        Call("c3", At(9, 5), 40, "caller-hangup", "caller", "caller-hangup",
            ["welcome", "menu", "agent", "busy", "menu"], ["transfer sip:agent@127.0.0.1: failed (486 Busy Here)", "play agents-busy", "caller hung up"], "info", "info"),
        Call("c4", At(9, 30), 60, "server-hangup", "server", "too-many-attempts",
            ["welcome", "menu", "verify", "menu", "verify", "menu", "verify", "bye", "end"],
            ["action verify (verify-participant): not-verified", "action verify (verify-participant): not-verified",
             "action verify (verify-participant): not-verified", "counter verification-failures reached 3", "hangup"], "inband"),
        Call("c5", At(10, 15), 10, "caller-hangup", "caller", "caller-hangup",
            ["welcome", "menu", "verify", "menu"],
            ["action verify (verify-participant): failed", "system-busy: action 'verify-participant' failed: database down", "caller hung up"], "rfc4733"),
        Unanswered("c6", At(10, 20)),
        InProgress("c7", At(10, 40)),
        Call("before", From.AddTicks(-1), 5, "server-hangup", "server", "status-answered", ["welcome"], []),
        Call("after", To, 5, "server-hangup", "server", "status-answered", ["welcome"], []),
    ];

    public static DateTimeOffset At(int hour, int minute) => new(2026, 12, 5, hour, minute, 0, TimeSpan.Zero);

    public static CallRecord Call(string id, DateTimeOffset start, int seconds, string endReason, string endedBy, string outcome,
        string[] nodes, string[] events, params string[] dtmf)
    {
        var r = new CallRecord
        {
            CallId = id, Caller = "sip:0812@127.0.0.1", Called = "165",
            StartedAt = start, AnsweredAt = start.AddMilliseconds(500), EndedAt = start.AddMilliseconds(500).AddSeconds(seconds),
            EndReason = endReason, EndedBy = endedBy, Outcome = outcome, Codec = "PCMU",
        };
        r.Nodes.AddRange(nodes);
        r.Events.AddRange(events);
        r.DtmfMethods.AddRange(dtmf);
        return r;
    }

    public static CallRecord Unanswered(string id, DateTimeOffset start) => new()
    {
        CallId = id, Caller = "sip:0812@127.0.0.1", Called = "165",
        StartedAt = start, EndedAt = start.AddSeconds(3), EndReason = "cancelled", EndedBy = "caller",
    };

    public static CallRecord InProgress(string id, DateTimeOffset start) => new()
    {
        CallId = id, Caller = "sip:0812@127.0.0.1", Called = "165",
        StartedAt = start, AnsweredAt = start.AddMilliseconds(500), EndReason = "in-progress",
    };
}
