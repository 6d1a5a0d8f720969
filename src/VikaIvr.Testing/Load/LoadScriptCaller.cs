using System.Diagnostics;
using VikaIvr.Flows.Scripting;

namespace VikaIvr.Testing.Load;

/// <summary>
/// The scripted caller of one load call (`vika load --script`), for the one script interpreter: it
/// acts on the call the load tester dialled (keys, waits, a tone for speech, hang-up, a failing
/// transfer) and reports, cheaply, what it noticed: prompts recognised by fingerprint as their
/// packets arrive, the server's BYE and its REFER. It cannot tell the words of speech, a recording
/// or a playback (<see cref="CanCheck"/>), so the interpreter counts those as not checkable. It keeps
/// no transcript and no audio.
/// </summary>
internal sealed partial class LoadScriptCaller(LoadOptions options) : IScriptCaller
{
    /// <summary>Outputs are timed from here: the load call is created as it is placed.</summary>
    private readonly long _placedAt = Stopwatch.GetTimestamp();
    private ILoadCallControl? _caller;
    private int _failNextTransfer;
    private string _whyNothing = "";

    public string WhyNothing => _whyNothing;

    /// <summary>Not used: a load call cannot tell a playback (<see cref="CanCheck"/>).</summary>
    public TimeSpan PlaybackTolerance => TimeSpan.Zero;

    /// <summary>Prompts (by fingerprint), the server's BYE and its REFER; not speech, recording or playback.</summary>
    public bool CanCheck(ScriptStatementKind expectation) =>
        expectation is ScriptStatementKind.ExpectPrompt or ScriptStatementKind.ExpectHangup or ScriptStatementKind.ExpectTransfer;

    /// <summary>The call this script runs on, answered (the load call dials it and times the answer).</summary>
    public void Attach(ILoadCallControl caller)
    {
        _caller = caller;
        _ended = caller.Ended.Register(static state => ((LoadScriptCaller)state!)._signal.Release(), this);
    }

    /// <summary>The status the tester answers the server's REFER with (the SIP thread asks).</summary>
    public int TransferOutcome()
    {
        Interlocked.Increment(ref _refersOffered);
        _signal.Release();
        return Interlocked.Exchange(ref _failNextTransfer, 0) == 1 ? 503 : 200;
    }

    /// <summary>The server keeps its own clock (start it with `vika serve --clock` for a dated script).</summary>
    public void SetClock(DateTimeOffset time)
    {
    }

    /// <summary>The load call dialled the script's `call` line already (and timed the answer).</summary>
    public Task<string?> DialAsync(string called, string from, CancellationToken ct) =>
        Task.FromResult(_caller is null ? "the load call was not answered" : null);

    public void FailNextTransfer() => Interlocked.Exchange(ref _failNextTransfer, 1);

    public async Task<bool> PressAsync(string keys, TimeSpan gap, CancellationToken ct)
    {
        if (Caller.Ended.IsCancellationRequested)
        {
            _whyNothing = $"the call had ended ({Caller.EndReason})";
            return false;
        }

        await Caller.SendDigitsAsync(keys, gap, ct).ConfigureAwait(false);
        return true;
    }

    public Task SpeakAsync(TimeSpan duration, CancellationToken ct) => Caller.SpeakAsync(duration, ct);

    public Task WaitAsync(TimeSpan duration, CancellationToken ct) => Task.Delay(duration, ct);

    public Task HangupAsync(CancellationToken ct) => Caller.HangupAsync(ct);

    /// <summary>Nothing: the load call hangs up (when the call is still up) and times the end itself.</summary>
    public Task<IReadOnlyList<ScriptError>> StopAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<ScriptError>>([]);

    /// <summary>None: an exception is the load call's failure (`error …`), as without a script.</summary>
    public string? Explains(Exception ex) => null;

    public ScriptResult Result(string file, IReadOnlyList<ScriptError> failures) =>
        new(file, failures, []) { Duration = _caller is null ? TimeSpan.Zero : Stopwatch.GetElapsedTime(_placedAt) };

    /// <summary>After the call's media is closed (the receive thread hands over no more prompts).</summary>
    public ValueTask DisposeAsync()
    {
        _ended.Dispose();
        _signal.Dispose();
        return ValueTask.CompletedTask;
    }

    private ILoadCallControl Caller => _caller ?? throw new InvalidOperationException("the call has not been dialled");

    private TimeSpan Since(long timestamp) => Stopwatch.GetElapsedTime(_placedAt, timestamp);
}
