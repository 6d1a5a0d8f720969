namespace VikaIvr.Flows.Scripting;

/// <summary>
/// The caller's side of one scripted call, as the one script interpreter (<see cref="ScriptInterpreter"/>)
/// drives it: a simulated call on a virtual clock (<see cref="SimulatedCaller"/>) or a real call
/// through the test caller (`simulate --target`), or one call of the load tester (`vika load
/// --script`). The interpreter decides what each statement means and what matches; a caller only
/// acts and reports what it noticed, in order, and says which kinds of expectation it can notice.
/// </summary>
public interface IScriptCaller : IAsyncDisposable
{
    /// <summary>A `clock` statement before the call: the time the call happens at (the simulator's
    /// virtual clock; a live server keeps its own and only notes it).</summary>
    void SetClock(DateTimeOffset time);

    /// <summary>Dials <paramref name="called"/> from <paramref name="from"/>; null when answered, else what happened instead.</summary>
    Task<string?> DialAsync(string called, string from, CancellationToken ct);

    /// <summary>The server's next transfer attempt fails (before or during the call).</summary>
    void FailNextTransfer();

    /// <summary>Sends <paramref name="keys"/>, <paramref name="gap"/> apart; false when the call had ended (see <see cref="WhyNothing"/>).</summary>
    Task<bool> PressAsync(string keys, TimeSpan gap, CancellationToken ct);

    /// <summary>The caller speaks for <paramref name="duration"/> (a tone stands for the voice).</summary>
    Task SpeakAsync(TimeSpan duration, CancellationToken ct);

    /// <summary>The caller stays silent for <paramref name="duration"/>.</summary>
    Task WaitAsync(TimeSpan duration, CancellationToken ct);

    /// <summary>The caller hangs up.</summary>
    Task HangupAsync(CancellationToken ct);

    /// <summary>The next thing the server did that the caller noticed (heard, or a SIP request), waiting
    /// for it; null when nothing came (see <see cref="WhyNothing"/>). <paramref name="expecting"/> says
    /// what the script expects, so a caller that recognises audio may report a prompt while it plays.</summary>
    Task<ScriptOutput?> NextOutputAsync(ScriptStatementKind expecting, CancellationToken ct);

    /// <summary>Whether this caller notices what an expectation of kind <paramref name="expectation"/> is
    /// about. The interpreter does not ask for an output for the others and counts them as not
    /// checkable (<see cref="ScriptResult.Unchecked"/>): a load call's prompt fingerprints cannot tell
    /// the words of speech, a recording or a playback.</summary>
    bool CanCheck(ScriptStatementKind expectation);

    /// <summary>Why nothing more came or a key could not be sent: the call had ended, or silence.</summary>
    string WhyNothing { get; }

    /// <summary>How far a played-back recording's length may be from the length a script writes.</summary>
    TimeSpan PlaybackTolerance { get; }

    /// <summary>After the last statement: what else the call did (descriptions). The server ending the call is not listed.</summary>
    Task<IReadOnlyList<string>> RestAsync(CancellationToken ct);

    /// <summary>Ends the call (the caller hangs up when it is still up) and reports what went wrong while ending it.</summary>
    Task<IReadOnlyList<ScriptError>> StopAsync(CancellationToken ct);

    /// <summary>When <paramref name="ex"/> is a failure of this call rather than a bug, what the script expected (else null).</summary>
    string? Explains(Exception ex);

    /// <summary>The call's transcript, its record (simulated calls) and length.</summary>
    ScriptResult Result(string file, IReadOnlyList<ScriptError> failures);
}
