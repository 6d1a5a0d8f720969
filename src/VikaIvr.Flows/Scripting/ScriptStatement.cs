namespace VikaIvr.Flows.Scripting;

/// <summary>One line of a call script.</summary>
public sealed record ScriptStatement(ScriptStatementKind Kind, int Line, string Source)
{
    /// <summary>Prompt id, keys, transfer URI (optional) or called number.</summary>
    public string? Value { get; init; }

    /// <summary>For call: the caller's number.</summary>
    public string? From { get; init; }

    /// <summary>For expect say: the texts the utterance must contain, in order.</summary>
    public IReadOnlyList<string> Texts { get; init; } = [];

    /// <summary>For wait and speak: how long; for press: the gap between keys; for expect playback:
    /// the expected length (zero: any).</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>For clock.</summary>
    public DateTimeOffset? Time { get; init; }

    public bool IsExpectation => Kind is ScriptStatementKind.ExpectPrompt or ScriptStatementKind.ExpectSay
        or ScriptStatementKind.ExpectTransfer or ScriptStatementKind.ExpectHangup
        or ScriptStatementKind.ExpectRecord or ScriptStatementKind.ExpectPlayback;
}
