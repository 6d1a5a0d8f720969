using VikaIvr.Flows.Simulation;

namespace VikaIvr.Flows.Scripting;

public sealed partial class SimulatedCaller
{
    /// <summary>Waits (real time) until the flow is waiting on the call or has ended.</summary>
    private async Task SettleAsync(CancellationToken ct)
    {
        if (_call is null || _flowTask is null) return;
        var blocked = _call.WhenBlocked();
        var done = await Task.WhenAny(blocked, _flowTask, Task.Delay(options.RealTimeStepLimit, ct));
        if (done != blocked && done != _flowTask)
            throw new TimeoutException($"the flow did not wait for the caller within {options.RealTimeStepLimit.TotalSeconds:0} s of real time (a hung action?)");
    }

    /// <summary>Fires the next scheduled thing due by <paramref name="limit"/>; false when nothing more can happen by then.</summary>
    private async Task<bool> StepAsync(DateTimeOffset limit, CancellationToken ct)
    {
        if (_flowTask is null || _flowTask.IsCompleted) return false;
        if (!_clock.FireNext(limit)) return false;
        await SettleAsync(ct);
        return true;
    }

    private async Task AdvanceToAsync(DateTimeOffset target, CancellationToken ct)
    {
        while (await StepAsync(target, ct)) { }
        _clock.AdvanceTo(target);
    }

    private List<SimulatedEvent> Outputs()
    {
        var all = _call!.Events;
        var outputs = new List<SimulatedEvent>(all.Count);
        foreach (var e in all)
        {
            if (e.IsOutput) outputs.Add(e);
        }

        return outputs;
    }

    /// <summary>The next unmatched output event, running the call until one exists (null: the call ended
    /// or stayed silent too long).</summary>
    private async Task<SimulatedEvent?> NextEventAsync(CancellationToken ct)
    {
        var limit = _clock.GetUtcNow() + options.MaxSilence;
        while (true)
        {
            var outputs = Outputs();
            if (outputs.Count > _consumed) return outputs[_consumed];
            if (!await StepAsync(limit, ct)) return null;
        }
    }

    /// <summary>Consecutive synthesized sentences are one utterance: runs until something else follows them.</summary>
    private async Task<(string Text, int Count)> NextUtteranceAsync(CancellationToken ct)
    {
        var limit = _clock.GetUtcNow() + options.MaxSilence;
        while (true)
        {
            var outputs = Outputs();
            int end = _consumed;
            while (end < outputs.Count && outputs[end].Kind == SimulatedEventKind.Say) end++;
            if (end < outputs.Count || !await StepAsync(limit, ct))
            {
                var parts = new List<string>();
                for (int i = _consumed; i < end; i++) parts.Add(outputs[i].Value);
                return (string.Join(" ", parts), end - _consumed);
            }
        }
    }
}
