using Microsoft.Extensions.Logging;
using VikaIvr.Flows.Model;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Flows.Runtime;

internal sealed partial class FlowStepRunner
{
    private async Task<string?> ActionAsync(ActionNode node)
    {
        var action = runtime.Components.Action(node.Action.Name);
        FlowActionResult result;
        if (action is null)
        {
            result = new FlowActionResult(FlowActionResult.Failed, $"action '{node.Action.Name}' is not registered");
        }
        else
        {
            try
            {
                result = await action.ExecuteAsync(s.Variables, s.EndedOrStopped);
            }
            catch (OperationCanceledException) when (s.EndedOrStopped.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Call {CallId}: action {Action} threw {Type}", s.Call.CallId, node.Action.Name, ex.GetType().Name);
                result = new FlowActionResult(FlowActionResult.Failed, DigitMask.Scrub($"{ex.GetType().Name}: {ex.Message}"));
            }
        }

        s.Event($"action {node.Id} ({node.Action.Name}): {result.Outcome}");

        if (node.Limit is { } limit && limit.Outcome == result.Outcome)
        {
            int count = s.Counters.GetValueOrDefault(limit.Counter) + 1;
            s.Counters[limit.Counter] = count;
            if (count >= limit.Max)
            {
                s.Event($"counter {limit.Counter} reached {count}");
                return limit.OnExceeded.Name;
            }
        }

        if (node.Outcomes.TryGetValue(result.Outcome, out var next)) return next.Name;

        string why = result.Outcome == FlowActionResult.Failed
            ? $"action '{node.Action.Name}' failed: {result.Detail ?? "no detail"}"
            : $"action '{node.Action.Name}' gave unhandled outcome '{result.Outcome}'";
        return await SystemBusyAsync(why);
    }
}
