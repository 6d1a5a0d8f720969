using Microsoft.Extensions.Logging;
using VikaIvr.Flows.Model;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Flows.Runtime;

/// <summary>Executes one node for one call and returns the id of the next node (null: the run ends).</summary>
/// <param name="playEvents">The record's "play &lt;prompt&gt;" event text for each prompt the flow names (made once per flow).</param>
internal sealed partial class FlowStepRunner(FlowDefinition flow, FlowRuntime runtime, FlowSession s, ILogger logger, Dictionary<string, string> playEvents)
{
    public Task<string?> RunAsync(FlowNode node) => node switch
    {
        PlayNode p => PlayAsync(p),
        RecordNode r => RecordAsync(r),
        SayNode say => SayAsync(say),
        MenuNode m => MenuAsync(m),
        CollectNode c => CollectAsync(c),
        ActionNode a => ActionAsync(a),
        BranchNode b => Task.FromResult<string?>(Branch(b)),
        SetNode set => Task.FromResult<string?>(Set(set)),
        TransferNode t => TransferAsync(t),
        HangupNode => HangupAsync(),
        GotoNode g => Task.FromResult<string?>(g.Target.Name),
        _ => throw new InvalidOperationException($"no runner for node kind '{node.Kind}'"),
    };

    /// <summary>
    /// A play node of one prompt and no clip (the usual greeting): starts its prompt and hands back
    /// the playing task for the interpreter to await in its own frame, then <see cref="AfterPlay"/>
    /// (no state machine of the step's own on the path to the call's first prompt). False: run
    /// the node with <see cref="RunAsync"/>.
    /// </summary>
    public bool TryStartPlay(FlowNode node, out Task playing)
    {
        if (node is PlayNode { Clip: null, PromptIds.Count: 1 } play)
        {
            playing = PlayPromptAsync(play.PromptIds[0].Name, play.BargeIn);
            return true;
        }

        playing = Task.CompletedTask;
        return false;
    }

    /// <summary>Where a play node started by <see cref="TryStartPlay"/> goes once its prompt is over (null: the caller hung up).</summary>
    public string? AfterPlay(PlayNode node) => HungUp ? null : node.Next.Name;

    private async Task<string?> PlayAsync(PlayNode node)
    {
        for (int i = 0; i < node.PromptIds.Count; i++) await PlayPromptAsync(node.PromptIds[i].Name, node.BargeIn); // indexed: no boxed enumerator
        if (HungUp) return null;
        if (node.Clip is { } name)
        {
            if (s.Variables.Clip(name) is { } clip)
            {
                s.Event($"play clip {name} ({clip.Duration.TotalSeconds:0.0} s)");
                await s.Call.PlayAsync(clip, node.BargeIn, s.Ct);
            }
            else s.Event($"play clip {name}: nothing recorded");
        }

        return node.Next.Name;
    }

    private async Task<string?> SayAsync(SayNode node)
    {
        string text = Expand(node.Template);
        AudioClip clip;
        try
        {
            clip = await runtime.Speech.SayAsync(text, s.EndedOrStopped);
        }
        catch (SpeechException ex)
        {
            return await SystemBusyAsync($"speech failed at '{node.Id}': {DigitMask.Scrub(ex.Message)}");
        }

        // The sentence may hold a name: the record says only that it was spoken.
        s.Event($"say {node.Id} ({clip.Duration.TotalSeconds:0.0} s)");
        await s.Call.PlayAsync(clip, node.BargeIn, s.Ct);
        return node.Next.Name;
    }

    private string? Branch(BranchNode node)
    {
        string? value = node.On.StartsWith("counter:", StringComparison.Ordinal)
            ? s.Counters.GetValueOrDefault(node.On["counter:".Length..]).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : s.Variables[node.On];
        string next = value is not null && node.Cases.TryGetValue(value, out var target) ? target.Name : node.Default.Name;
        s.Event($"branch {node.Id}: {node.On} → {next}");
        return next;
    }

    private string? Set(SetNode node)
    {
        foreach (var (name, value) in node.Values) s.Variables.Set(name, Expand(value));
        return node.Next.Name;
    }

    private async Task<string?> TransferAsync(TransferNode node)
    {
        if (node.Prompt is { } p) await PlayPromptAsync(p.Name, bargeIn: false);
        if (HungUp) return null;
        string target = Expand(node.Target).Trim();
        if (target.Length == 0)
        {
            s.Event("transfer: no agent URI configured");
            return node.OnFailure.Name;
        }

        TransferResult result;
        try
        {
            result = await s.Call.TransferAsync(target, s.EndedOrStopped);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            result = TransferResult.Failed(ex.GetType().Name + ": " + ex.Message);
        }

        s.Event($"transfer {target}: {(result.Succeeded ? "accepted" : "failed")} ({result.Detail})");
        if (!result.Succeeded) return node.OnFailure.Name;
        s.Record.Outcome = "transferred";
        s.EndedByFlow = true;
        return null;
    }

    private async Task<string?> HangupAsync()
    {
        s.Event("hangup");
        s.EndedByFlow = true;
        await s.Call.HangupAsync(s.EndedOrStopped);
        return null;
    }

    /// <summary>VIKA.md rule 11: a data or speech failure never drops the call.</summary>
    private async Task<string?> SystemBusyAsync(string reason)
    {
        s.Record.Failures.Add(reason);
        s.Event("system-busy: " + reason);
        logger.LogWarning("Call {CallId}: {Reason}", s.Call.CallId, reason);
        if (flow.SystemBusyPrompt is { } busy) await PlayPromptAsync(busy.Name, bargeIn: true);
        return s.LastMenu ?? flow.Start.Name;
    }

    /// <summary>
    /// The caller hung up: a prompt playing then ends without an exception (the call's playback is
    /// stopped, see <see cref="ICall.PlayAsync"/>), so a step checks this after its prompts and ends
    /// there, as the cancellation's exception would have ended it.
    /// </summary>
    private bool HungUp => s.Call.Ended.IsCancellationRequested;

    /// <summary>Not async: the call's playing task is handed back as it is (no state machine of its own for each prompt, one frame fewer for a hangup's exception).</summary>
    private Task PlayPromptAsync(string promptId, bool bargeIn)
    {
        AudioClip clip;
        try
        {
            clip = runtime.Prompts.Get(promptId);
        }
        catch (KeyNotFoundException)
        {
            // Checked at load; a prompt removed while running is skipped rather than dropping the call.
            s.Record.Failures.Add($"prompt '{promptId}' has no audio");
            s.Event($"prompt {promptId} missing");
            return Task.CompletedTask;
        }

        s.Event(playEvents.TryGetValue(promptId, out var played) ? played : "play " + promptId);
        return s.Call.PlayAsync(clip, bargeIn, s.Ct);
    }

    private string Expand(string template)
    {
        if (!template.Contains('{')) return template;
        var sb = new System.Text.StringBuilder(template.Length + 64);
        int i = 0;
        while (i < template.Length)
        {
            int open = template.IndexOf('{', i);
            int close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (close < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }

            sb.Append(template, i, open - i);
            string name = template[(open + 1)..close];
            sb.Append(s.Variables[name] ?? "");
            i = close + 1;
        }

        return sb.ToString();
    }
}
