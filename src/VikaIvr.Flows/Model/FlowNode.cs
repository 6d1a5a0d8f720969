namespace VikaIvr.Flows.Model;

/// <summary>One step of a call flow. Subclasses hold their kind's settings; targets name other nodes.</summary>
public abstract class FlowNode
{
    public required string Id { get; init; }

    /// <summary>Line of the node's id in the flow file.</summary>
    public required int Line { get; init; }

    /// <summary>When set, entering the node sets the call record's outcome (e.g. "status-answered").</summary>
    public string? Outcome { get; init; }

    public abstract string Kind { get; }

    /// <summary>Nodes this node can lead to, for reachability and target checks.</summary>
    public abstract IEnumerable<FlowRef> Targets();

    /// <summary>Prompt ids this node plays.</summary>
    public virtual IEnumerable<FlowRef> Prompts() => [];
}
