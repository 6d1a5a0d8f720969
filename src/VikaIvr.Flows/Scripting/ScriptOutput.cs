namespace VikaIvr.Flows.Scripting;

/// <summary>One thing the server did, as a scripted caller noticed it, at a time since the call started.</summary>
public sealed record ScriptOutput(ScriptOutputKind Kind, string Value, TimeSpan At)
{
    /// <summary>For a playback: its length.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>For an utterance: the words (normalised) when the caller knows them; null when it cannot tell.</summary>
    public string? Words { get; init; }

    /// <summary>For an utterance the caller could not identify: what it heard instead (a script failure).</summary>
    public string? Problem { get; init; }

    public string Describe() => Kind switch
    {
        ScriptOutputKind.Prompt => $"prompt {Value}",
        ScriptOutputKind.Say => Words is null ? "speech" : $"say \"{Words}\"",
        ScriptOutputKind.Transfer => $"transfer {Value}",
        ScriptOutputKind.Hangup => "hangup",
        ScriptOutputKind.Record => "record",
        _ => $"playback ({Duration.TotalSeconds:0.00} s)",
    };
}
