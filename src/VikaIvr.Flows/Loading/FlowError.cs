namespace VikaIvr.Flows.Loading;

/// <summary>One problem in a flow file: where it is and why it is wrong.</summary>
public sealed record FlowError(string File, int Line, string Cause)
{
    public override string ToString() => $"{File}:{Line}: {Cause}";
}
