namespace VikaIvr.Flows.Model;

/// <summary>A loaded call flow: its nodes by id, where it starts, and flow-wide settings.</summary>
public sealed class FlowDefinition
{
    public required string File { get; init; }
    public required FlowRef Start { get; init; }

    /// <summary>Played when an action fails or speech fails, before returning to the caller's last menu.</summary>
    public FlowRef? SystemBusyPrompt { get; init; }

    /// <summary>Initial variables (e.g. agent_uri); the host may override them from configuration.</summary>
    public required IReadOnlyDictionary<string, string> Variables { get; init; }

    public required IReadOnlyDictionary<string, FlowNode> Nodes { get; init; }

    public FlowNode this[string id] => Nodes[id];
}
