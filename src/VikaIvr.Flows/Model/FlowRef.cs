namespace VikaIvr.Flows.Model;

/// <summary>A name used in a flow file (node target, prompt, action, validator) with the line it appears on,
/// so the validator can point at the exact place.</summary>
public readonly record struct FlowRef(string Name, int Line)
{
    public override string ToString() => Name;
}
