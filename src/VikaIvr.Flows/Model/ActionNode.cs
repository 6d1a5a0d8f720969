namespace VikaIvr.Flows.Model;

/// <summary>
/// Runs a named domain action and branches on its outcome. An optional per-call counter limits
/// one outcome (e.g. three "not-verified" → too-many-attempts). A "failed" outcome without its
/// own branch plays the flow's system-busy prompt and returns to the caller's last menu.
/// </summary>
public sealed class ActionNode : FlowNode
{
    public override string Kind => "action";
    public required FlowRef Action { get; init; }
    public required IReadOnlyDictionary<string, FlowRef> Outcomes { get; init; }
    public ActionLimit? Limit { get; init; }

    public override IEnumerable<FlowRef> Targets() =>
        Limit is { } l ? [.. Outcomes.Values, l.OnExceeded] : Outcomes.Values;
}
