namespace VikaIvr.Flows.Scripting;

/// <summary>A parsed call script: its file (for failure messages) and statements in order.</summary>
public sealed record CallScript(string File, IReadOnlyList<ScriptStatement> Statements)
{
    public string Name => Path.GetFileNameWithoutExtension(File);
}
