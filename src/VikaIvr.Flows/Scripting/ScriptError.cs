namespace VikaIvr.Flows.Scripting;

/// <summary>A failure in a script: where, what was expected and what happened.</summary>
public sealed record ScriptError(string File, int Line, string Expected, string Actual)
{
    /// <summary>For a failed expectation: what the caller noticed that did not meet it (null when nothing came); <see cref="Actual"/> says it with its time.</summary>
    public ScriptOutput? Got { get; init; }

    public override string ToString() => $"{File}:{Line}: expected {Expected}, but {Actual}";
}
