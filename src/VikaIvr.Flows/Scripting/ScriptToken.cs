namespace VikaIvr.Flows.Scripting;

/// <summary>A word of a script line; quoted tokens keep their spaces and '#'.</summary>
internal readonly record struct ScriptToken(string Text, bool Quoted);
