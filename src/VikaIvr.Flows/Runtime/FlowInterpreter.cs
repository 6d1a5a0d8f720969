using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using VikaIvr.Flows.Model;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Flows.Runtime;

/// <summary>
/// Runs a flow on a call, awaiting each step; every node and step goes into the call record.
/// Shared by all calls (holds no per-call state). The caller hanging up ends the run cleanly.
/// </summary>
public sealed class FlowInterpreter
{
    private readonly FlowDefinition _flow;
    private readonly FlowRuntime _runtime;
    private readonly ILogger _logger;
    private readonly string _name;
    // The flow's variables with the runtime's overrides applied, merged once and shared by every
    // call's variables until the call changes one (see FlowVariables).
    private readonly FrozenDictionary<string, string> _initialVariables;
    // "play <prompt>" for every prompt the flow names, made once: the record's event for each prompt played.
    private readonly Dictionary<string, string> _playEvents = new(StringComparer.Ordinal);

    public FlowInterpreter(FlowDefinition flow, FlowRuntime runtime, ILogger<FlowInterpreter> logger)
    {
        _flow = flow ?? throw new ArgumentNullException(nameof(flow));
        _runtime = runtime ?? throw new ArgumentNullException(nameof(runtime));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _name = Path.GetFileNameWithoutExtension(flow.File);
        var initial = new Dictionary<string, string>(_flow.Variables, StringComparer.Ordinal);
        foreach (var (k, v) in _runtime.VariableOverrides) initial[k] = v;
        _initialVariables = initial.ToFrozenDictionary(StringComparer.Ordinal);
        foreach (var node in _flow.Nodes.Values)
        {
            foreach (var prompt in node.Prompts()) _playEvents.TryAdd(prompt.Name, "play " + prompt.Name);
        }

        if (_flow.SystemBusyPrompt is { } busy) _playEvents.TryAdd(busy.Name, "play " + busy.Name);
    }

    public FlowDefinition Flow => _flow;

    /// <summary>Runs the flow until it hangs up, transfers or the call ends; fills <paramref name="record"/>.</summary>
    public Task RunAsync(ICall call, CallRecord record, CancellationToken ct = default) => RunAsync(call, record, leaveCall: false, ct);

    /// <summary>
    /// As <see cref="RunAsync(ICall, CallRecord, CancellationToken)"/>; with <paramref name="leaveCall"/>,
    /// a call still up when the flow's part is over (it ran out of nodes, or a transfer was accepted)
    /// is then hung up (the IVR leaves the call, RFC 5589) — in this run, not in a caller's frame of its own.
    /// </summary>
    public async Task RunAsync(ICall call, CallRecord record, bool leaveCall, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(record);
        var variables = new FlowVariables(_initialVariables);
        using var session = new FlowSession(call, record, variables, ct);
        var steps = new FlowStepRunner(_flow, _runtime, session, _logger, _playEvents);
        string? current = _flow.Start.Name;
        int count = 0;
        try
        {
            while (current is not null && !call.Ended.IsCancellationRequested)
            {
                if (++count > _runtime.MaxStepsPerCall)
                {
                    record.Failures.Add($"flow exceeded {_runtime.MaxStepsPerCall} steps; hanging up");
                    await call.HangupAsync(session.EndedOrStopped);
                    break;
                }

                var node = _flow.Nodes[current];
                record.Nodes.Add(node.Id);
                record.NodeTimesMs.Add((long)(_runtime.Clock.GetUtcNow() - (record.AnsweredAt ?? record.StartedAt)).TotalMilliseconds);
                if (node.Outcome is { } outcome) record.Outcome = outcome;

                // One node's step, counted in and out, run in this method's own frame (no state
                // machine of its own per node; a one-prompt play is awaited right here too). A node
                // left because the caller hung up in it is no exit (that is the drop-off); one where
                // the flow itself ended the call (hangup, transfer) is.
                _runtime.Metrics?.Entered(_name, node.Id);
                bool exited = false;
                try
                {
                    if (steps.TryStartPlay(node, out var playing))
                    {
                        await playing;
                        current = steps.AfterPlay((PlayNode)node);
                    }
                    else
                    {
                        current = await steps.RunAsync(node);
                    }

                    exited = !call.Ended.IsCancellationRequested || session.EndedByFlow;
                }
                catch (OperationCanceledException) when (session.EndedByFlow)
                {
                    exited = true;
                    throw;
                }
                finally
                {
                    if (exited) _runtime.Metrics?.Exited(_name, node.Id);
                }
            }
        }
        catch (OperationCanceledException) when (call.Ended.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // The caller hung up mid-step: a normal end, not an error.
        }

        if (call.Ended.IsCancellationRequested && !session.EndedByFlow)
        {
            record.Events.Add("caller hung up");
            session.SetOutcomeIfEmpty("caller-hangup");
        }

        session.SetOutcomeIfEmpty("completed");
        if (leaveCall && !call.Ended.IsCancellationRequested) await call.HangupAsync(ct);
    }
}
