using VikaIvr.Flows.Ports;
using VikaIvr.Flows.Runtime;

namespace VikaIvr.Flows.Loading;

/// <summary>What a flow is checked against. Null members skip their check (e.g. `flow validate`
/// without a prompt folder).</summary>
public sealed record FlowCheckContext
{
    public IPromptStore? Prompts { get; init; }
    public IReadOnlyCollection<string>? ActionNames { get; init; }
    public IReadOnlyCollection<string>? ValidatorNames { get; init; }

    public static FlowCheckContext None { get; } = new();

    public static FlowCheckContext For(IPromptStore? prompts, FlowComponents? components) => new()
    {
        Prompts = prompts,
        ActionNames = components?.ActionNames,
        ValidatorNames = components?.ValidatorNames,
    };
}
