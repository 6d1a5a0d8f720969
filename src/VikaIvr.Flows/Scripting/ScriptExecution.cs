using Microsoft.Extensions.Logging;
using VikaIvr.Flows.Model;
using VikaIvr.Flows.Ports;
using VikaIvr.Flows.Runtime;
using VikaIvr.Flows.Simulation;

namespace VikaIvr.Flows.Scripting;

/// <summary>
/// One script run. The flow runs as its own task; the runner moves the virtual clock only while
/// the flow waits on the simulated call, so results do not depend on real timing. Keys are pressed
/// at the moment of the last matched event (or after the previous keys / wait).
/// </summary>
internal sealed partial class ScriptExecution(Func<string, FlowDefinition?> flowFor, ScriptRunnerOptions options, CallScript script, CancellationToken ct)
{
    private readonly List<ScriptError> _failures = [];
    private VirtualClock _clock = null!;
    private SimulatedCall? _call;
    private Task? _flowTask;
    private CallRecord? _record;
    private int _consumed;
    private DateTimeOffset _cursor;
    private bool _failNextTransfer;

    public async Task<ScriptResult> RunAsync()
    {
        var start = options.StartTimeSource.GetUtcNow();
        int lastLine = 1;
        foreach (var st in script.Statements)
        {
            if (st.Kind == ScriptStatementKind.Call) break;
            if (st.Kind == ScriptStatementKind.Clock) start = st.Time!.Value;
        }

        _clock = new VirtualClock(start);
        _cursor = start;
        try
        {
            foreach (var st in script.Statements)
            {
                lastLine = st.Line;
                if (!await ExecuteAsync(st)) break;
            }

            if (_failures.Count == 0) await FinishAsync(lastLine);
            await StopAsync();
        }
        catch (TimeoutException ex)
        {
            Fail(lastLine, "the flow to wait for the caller", ex.Message);
        }

        return BuildResult();
    }

    private async Task<bool> ExecuteAsync(ScriptStatement st)
    {
        switch (st.Kind)
        {
            case ScriptStatementKind.Clock:
                if (_call is not null) return Fail(st.Line, "clock before call", "clock after the call started");
                return true;
            case ScriptStatementKind.Call:
                if (_call is not null) return Fail(st.Line, "one call per script", "a second call statement");
                if (flowFor(st.Value!) is not { } flow) return Fail(st.Line, "a number the server answers", $"no flow answers {st.Value}");
                await StartCallAsync(st, flow);
                return true;
            case ScriptStatementKind.TransferFails:
                if (_call is null) _failNextTransfer = true;
                else _call.FailNextTransfer();
                return true;
        }

        if (_call is null) return Fail(st.Line, "a call statement first", $"'{st.Source}' comes before any call");
        switch (st.Kind)
        {
            case ScriptStatementKind.Press:
                var at = Max(_cursor, _clock.GetUtcNow());
                foreach (char key in st.Value!)
                {
                    _call.PressAt(at, key);
                    _cursor = at;
                    at += st.Duration;
                }

                _cursor = at;
                return true;
            case ScriptStatementKind.Speak:
                var from = Max(_cursor, _clock.GetUtcNow());
                _call.SpeakAt(from, st.Duration);
                _cursor = from + st.Duration;
                return true;
            case ScriptStatementKind.Wait:
                var until = Max(_cursor, _clock.GetUtcNow()) + st.Duration;
                await AdvanceToAsync(until);
                _cursor = until;
                return true;
            case ScriptStatementKind.Hangup:
                await AdvanceToAsync(Max(_cursor, _clock.GetUtcNow()));
                _call.CallerHangup();
                await SettleAsync();
                return true;
            default:
                return await ExpectAsync(st);
        }
    }

    private async Task StartCallAsync(ScriptStatement st, FlowDefinition flow)
    {
        var components = await options.Components(_clock, ct);
        var runtime = new FlowRuntime(options.Prompts, options.Speech, components, _clock)
        {
            VariableOverrides = options.VariableOverrides,
        };
        var interpreter = new FlowInterpreter(flow, runtime, options.LoggerFactory?.CreateLogger<FlowInterpreter>());
        string callId = "sim-" + script.Name;
        _call = new SimulatedCall(_clock, callId, st.From!, st.Value!);
        if (_failNextTransfer) _call.FailNextTransfer();
        _record = new CallRecord { CallId = callId, Caller = st.From!, Called = st.Value!, StartedAt = _clock.GetUtcNow(), AnsweredAt = _clock.GetUtcNow() };
        var call = _call;
        var record = _record;
        _flowTask = Task.Run(async () =>
        {
            await interpreter.RunAsync(call, record, ct);
            call.EndAfterFlow();
        }, ct);
        await SettleAsync();
    }

    /// <summary>After the last statement the call runs to its end; anything it still says was not expected.</summary>
    private async Task FinishAsync(int lastLine)
    {
        if (_call is null) return;
        while (await StepAsync(_clock.GetUtcNow() + options.MaxSilence)) { }
        var rest = Outputs();
        if (rest.Count > _consumed)
        {
            var extra = new List<string>();
            // The server ending its leg is not the call going on: a script may stop at what was said.
            for (int i = _consumed; i < rest.Count; i++)
                if (rest[i].Kind != SimulatedEventKind.Hangup) extra.Add(rest[i].Describe());
            if (extra.Count > 0) Fail(lastLine, "nothing more after the last statement", "the call went on: " + string.Join(", ", extra));
        }
    }

    private async Task StopAsync()
    {
        if (_call is null || _flowTask is null) return;
        if (!_call.Ended.IsCancellationRequested) _call.CallerHangup();
        var done = await Task.WhenAny(_flowTask, Task.Delay(options.RealTimeStepLimit, ct));
        if (done != _flowTask) Fail(0, "the flow to end when the call ends", "it kept running");
        else if (_flowTask.Exception is { } ex) Fail(0, "the flow to run", "it crashed: " + ex.InnerException?.Message);

        _record!.EndedAt = _clock.GetUtcNow();
        _record.EndReason = _call.EndReason;
        _record.EndedBy = _call.EndReason switch { "caller-hangup" => "caller", _ => "server" };
        if (options.Records is { } store) await store.SaveAsync(_record, ct);
    }

    private ScriptResult BuildResult()
    {
        var transcript = new List<string>();
        if (_call is not null)
        {
            transcript.Add($"call {_call.Called} from {_call.Caller} at {_clock.Origin:yyyy-MM-dd'T'HH:mm:ssK}");
            foreach (var ev in _call.Events) transcript.Add(ev.ToString());
            if (_record is not null) transcript.Add($"outcome: {_record.Outcome}; nodes: {string.Join(" ", _record.Nodes)}");
        }

        _call?.Dispose();
        return new ScriptResult(script.File, _failures, transcript) { Record = _record, Duration = _clock.Elapsed };
    }

    private bool Fail(int line, string expected, string actual)
    {
        _failures.Add(new ScriptError(script.File, line, expected, actual));
        return false;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
