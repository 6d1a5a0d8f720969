using VikaIvr.Flows.Model;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Flows.Runtime;

/// <summary>The state of one call's run through a flow.</summary>
internal sealed class FlowSession(ICall call, CallRecord record, FlowVariables variables, CancellationToken ct) : IDisposable
{
    private Dictionary<string, int>? _counters;
    private CancellationTokenSource? _endedOrStopped;

    public ICall Call { get; } = call;
    public CallRecord Record { get; } = record;
    public FlowVariables Variables { get; } = variables;
    /// <summary>
    /// The run's own token (the service stopping), for the call's operations (play, collect,
    /// record): they end by themselves when the call ends (<see cref="ICall"/>), so most calls never
    /// link a token to <see cref="ICall.Ended"/>.
    /// </summary>
    public CancellationToken Ct { get; } = ct;

    /// <summary>
    /// Fires when the service stops or the call ends: for work outside the call (an action's lookup,
    /// speech, a transfer, the flow's hangup). Made on first use, on the run's one thread.
    /// </summary>
    public CancellationToken EndedOrStopped => (_endedOrStopped ??= CancellationTokenSource.CreateLinkedTokenSource(Ct, Call.Ended)).Token;
    /// <summary>Made on first use: most calls never reach a counted limit.</summary>
    public Dictionary<string, int> Counters => _counters ??= new(StringComparer.Ordinal);

    /// <summary>The menu the caller last reached: where system-busy returns to.</summary>
    public string? LastMenu { get; set; }

    /// <summary>Set after an entry ended by length: a '#' typed after it must neither cut the next
    /// prompts nor count as a key, so prompts play without barge-in until the next collection
    /// discards it.</summary>
    public bool AbsorbTerminator { get; set; }

    public void Event(string text) => Record.Events.Add(text);

    public void SetOutcomeIfEmpty(string outcome)
    {
        if (Record.Outcome.Length == 0) Record.Outcome = outcome;
    }

    /// <summary>Set when the flow itself hung up or transferred the call.</summary>
    public bool EndedByFlow { get; set; }

    public void Dispose() => _endedOrStopped?.Dispose();
}
