using VikaIvr.Flows.Ports;

namespace VikaIvr.Server.Hosting;

/// <summary>`select-prompt`: the number in <c>prompt_number</c> → the prompt id in <c>prompt_id</c>
/// (the manifest's <c>number</c>). Outcomes: ok, unknown.</summary>
public sealed class SelectPromptAction(IPromptRecorder prompts) : IFlowAction
{
    public const string NumberVariable = "prompt_number";
    public const string IdVariable = "prompt_id";
    public const string Unknown = "unknown";

    public string Name => "select-prompt";

    public Task<FlowActionResult> ExecuteAsync(FlowVariables variables, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(variables);
        string digits = variables[NumberVariable] ?? "";
        if (!prompts.TryFindByNumber(digits, out string id))
            return Task.FromResult(new FlowActionResult(Unknown, $"no prompt has number {digits}"));
        variables.Set(IdVariable, id);
        return Task.FromResult(new FlowActionResult(FlowActionResult.Ok, id));
    }
}
