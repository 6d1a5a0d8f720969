namespace VikaIvr.Flows.Scripting;

/// <summary>A failure in a script: where, what was expected and what happened.</summary>
public sealed record ScriptError(string File, int Line, string Expected, string Actual)
{
    public override string ToString() => $"{File}:{Line}: expected {Expected}, but {Actual}";
}
