using VikaIvr.Flows.Ports;

namespace VikaIvr.Server.Hosting;

/// <summary>`save-recording`: saves the clip recorded into <c>recording</c> as the new version of the
/// prompt in <c>prompt_id</c>. Outcomes: ok, failed (nothing recorded, or the save failed).</summary>
public sealed class SaveRecordingAction(IPromptRecorder prompts) : IFlowAction
{
    public const string ClipVariable = "recording";

    public string Name => "save-recording";

    public Task<FlowActionResult> ExecuteAsync(FlowVariables variables, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(variables);
        string? id = variables[SelectPromptAction.IdVariable];
        var clip = variables.Clip(ClipVariable);
        if (id is null || clip is null || clip.Samples.IsEmpty)
            return Task.FromResult(new FlowActionResult(FlowActionResult.Failed, "no prompt chosen or nothing recorded"));
        prompts.Save(id, clip.Samples.Span);
        return Task.FromResult(new FlowActionResult(FlowActionResult.Ok, $"{id} saved ({clip.Duration.TotalSeconds:0.0} s)"));
    }
}
