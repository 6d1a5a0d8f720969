using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Flows.Model;
using VikaIvr.Flows.Ports;
using VikaIvr.Flows.Runtime;
using VikaIvr.Flows.Simulation;

namespace VikaIvr.Flows.Scripting;

/// <summary>
/// The scripted caller of `vika simulate`: the flow runs in-process on a <see cref="SimulatedCall"/>
/// as its own task, and the clock is moved only while the flow waits on the call, so results do not
/// depend on real timing. Keys are pressed at the moment of the last matched event (or after the
/// previous keys / wait).
/// </summary>
public sealed partial class SimulatedCaller(Func<string, FlowDefinition?> flowFor, ScriptRunnerOptions options, string file) : IScriptCaller
{
    private readonly string _name = Path.GetFileNameWithoutExtension(file);

    /// <summary>A recording is whole samples; a length written in a script is matched to 20 ms.</summary>
    public TimeSpan PlaybackTolerance => TimeSpan.FromMilliseconds(20);

    private VirtualClock _clock = new(options.StartTimeSource.GetUtcNow());
    private SimulatedCall? _call;
    private Task? _flowTask;
    private CallRecord? _record;
    private int _consumed;
    private DateTimeOffset _cursor = options.StartTimeSource.GetUtcNow();
    private bool _failNextTransfer;
    private string _whyNothing = "";

    public string WhyNothing => _whyNothing;

    /// <summary>The simulated call reports everything the flow does, speech with its words.</summary>
    public bool CanCheck(ScriptStatementKind expectation) => true;

    public void SetClock(DateTimeOffset time)
    {
        if (_call is not null) throw new InvalidOperationException("the clock is set before the call");
        _clock = new VirtualClock(time);
        _cursor = time;
    }

    public async Task<string?> DialAsync(string called, string from, CancellationToken ct)
    {
        if (flowFor(called) is not { } flow) return $"no flow answers {called}";
        var components = await options.Components(_clock, ct);
        var runtime = new FlowRuntime(options.Prompts, options.Speech, components, _clock)
        {
            VariableOverrides = options.VariableOverrides,
            Metrics = options.Metrics,
        };
        var interpreter = new FlowInterpreter(flow, runtime, (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<FlowInterpreter>());
        string callId = "sim-" + _name;
        var call = new SimulatedCall(_clock, callId, from, called);
        _call = call;
        if (_failNextTransfer) call.FailNextTransfer();
        var record = new CallRecord { CallId = callId, Caller = from, Called = called, StartedAt = _clock.GetUtcNow(), AnsweredAt = _clock.GetUtcNow() };
        _record = record;
        _flowTask = Task.Run(async () =>
        {
            await interpreter.RunAsync(call, record, ct);
            // As the server does when a call's application returns: its leg ends with a BYE.
            call.EndAfterFlow();
        }, ct);
        await SettleAsync(ct);
        return null;
    }

    public void FailNextTransfer()
    {
        if (_call is null) _failNextTransfer = true;
        else _call.FailNextTransfer();
    }

    public Task<bool> PressAsync(string keys, TimeSpan gap, CancellationToken ct)
    {
        if (_call!.Ended.IsCancellationRequested)
        {
            _whyNothing = $"the call had ended ({_call.EndReason})";
            return Task.FromResult(false);
        }

        var at = Max(_cursor, _clock.GetUtcNow());
        foreach (char key in keys)
        {
            _call!.PressAt(at, key);
            _cursor = at;
            at += gap;
        }

        _cursor = at;
        return Task.FromResult(true);
    }

    public Task SpeakAsync(TimeSpan duration, CancellationToken ct)
    {
        var from = Max(_cursor, _clock.GetUtcNow());
        _call!.SpeakAt(from, duration);
        _cursor = from + duration;
        return Task.CompletedTask;
    }

    public async Task WaitAsync(TimeSpan duration, CancellationToken ct)
    {
        var until = Max(_cursor, _clock.GetUtcNow()) + duration;
        await AdvanceToAsync(until, ct);
        _cursor = until;
    }

    public async Task HangupAsync(CancellationToken ct)
    {
        await AdvanceToAsync(Max(_cursor, _clock.GetUtcNow()), ct);
        _call!.CallerHangup();
        await SettleAsync(ct);
    }

    public async Task<ScriptOutput?> NextOutputAsync(ScriptStatementKind expecting, CancellationToken ct)
    {
        var ev = await NextEventAsync(ct);
        if (ev is null)
        {
            _whyNothing = _call!.Ended.IsCancellationRequested
                ? $"the call had ended ({_call.EndReason})"
                : $"nothing happened for {options.MaxSilence.TotalMinutes:0} min";
            return null;
        }

        if (ev.Kind != SimulatedEventKind.Say)
        {
            _consumed++;
            return Output(ev);
        }

        var (text, count) = await NextUtteranceAsync(ct);
        _consumed += count;
        _cursor = Max(_cursor, _clock.GetUtcNow());
        return new ScriptOutput(ScriptOutputKind.Say, text, ev.At) { Words = text };
    }

    public async Task<IReadOnlyList<string>> RestAsync(CancellationToken ct)
    {
        while (await StepAsync(_clock.GetUtcNow() + options.MaxSilence, ct)) { }
        var rest = Outputs();
        var extra = new List<string>();
        for (int i = _consumed; i < rest.Count; i++)
        {
            if (rest[i].Kind != SimulatedEventKind.Hangup) extra.Add(rest[i].Describe());
        }

        return extra;
    }

    public async Task<IReadOnlyList<ScriptError>> StopAsync(CancellationToken ct)
    {
        var errors = new List<ScriptError>();
        if (_call is null || _flowTask is null) return errors;
        if (!_call.Ended.IsCancellationRequested) _call.CallerHangup();
        var done = await Task.WhenAny(_flowTask, Task.Delay(options.RealTimeStepLimit, ct));
        if (done != _flowTask) errors.Add(new ScriptError(file, 0, "the flow to end when the call ends", "it kept running"));
        else if (_flowTask.Exception is { } ex) errors.Add(new ScriptError(file, 0, "the flow to run", "it crashed: " + ex.InnerException?.Message));

        _record!.EndedAt = _clock.GetUtcNow();
        _record.EndReason = _call.EndReason;
        _record.EndedBy = _call.EndReason switch { "caller-hangup" => "caller", _ => "server" };
        if (options.Records is { } store) await store.SaveAsync(_record, ct);
        return errors;
    }

    public string? Explains(Exception ex) => ex is TimeoutException ? "the flow to wait for the caller" : null;

    public ScriptResult Result(string scriptFile, IReadOnlyList<ScriptError> failures)
    {
        var transcript = new List<string>();
        if (_call is not null)
        {
            transcript.Add($"call {_call.Called} from {_call.Caller} at {_clock.Origin:yyyy-MM-dd'T'HH:mm:ssK}");
            foreach (var ev in _call.Events) transcript.Add(ev.ToString());
            if (_record is not null) transcript.Add($"outcome: {_record.Outcome}; nodes: {string.Join(" ", _record.Nodes)}");
        }

        return new ScriptResult(scriptFile, failures, transcript) { Record = _record, Duration = _clock.Elapsed };
    }

    public ValueTask DisposeAsync()
    {
        _call?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static ScriptOutput Output(SimulatedEvent ev) => ev.Kind switch
    {
        SimulatedEventKind.Prompt => new(ScriptOutputKind.Prompt, ev.Value, ev.At),
        SimulatedEventKind.Transfer => new(ScriptOutputKind.Transfer, ev.Value, ev.At),
        SimulatedEventKind.Record => new(ScriptOutputKind.Record, "", ev.At),
        SimulatedEventKind.Playback => new(ScriptOutputKind.Playback, ev.Value, ev.At) { Duration = ev.Duration },
        _ => new(ScriptOutputKind.Hangup, "", ev.At),
    };

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
