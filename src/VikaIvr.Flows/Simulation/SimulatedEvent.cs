namespace VikaIvr.Flows.Simulation;

/// <summary>Something that happened on a simulated call, at a virtual time since the call started.</summary>
public sealed class SimulatedEvent(SimulatedEventKind kind, TimeSpan at, string value)
{
    public SimulatedEventKind Kind { get; } = kind;
    public TimeSpan At { get; } = at;

    /// <summary>Prompt id, spoken text (normalised by the speech engine), transfer target, or key.</summary>
    public string Value { get; } = value;

    /// <summary>Clip length for prompts, speech and playback; how long the caller spoke; for a
    /// recording, how long it lasted (set when it ends).</summary>
    public TimeSpan Duration { get; set; }

    /// <summary>For a recording: what ended it (set when it ends).</summary>
    public string? Detail { get; set; }

    /// <summary>Set when a key cut the clip short (barge-in): how much of it played.</summary>
    public TimeSpan? CutAfter { get; set; }

    /// <summary>For transfers: whether it was accepted.</summary>
    public bool Succeeded { get; init; }

    public bool IsOutput => Kind is SimulatedEventKind.Prompt or SimulatedEventKind.Say
        or SimulatedEventKind.Transfer or SimulatedEventKind.Hangup or SimulatedEventKind.Record or SimulatedEventKind.Playback;

    public string Describe() => Kind switch
    {
        SimulatedEventKind.Prompt => $"prompt {Value}",
        SimulatedEventKind.Say => $"say \"{Value}\"",
        SimulatedEventKind.Transfer => $"transfer {Value}",
        SimulatedEventKind.Hangup => "hangup",
        SimulatedEventKind.Digit => $"caller presses {Value}",
        SimulatedEventKind.Record => "record",
        SimulatedEventKind.Playback => $"playback ({Duration.TotalSeconds:0.00} s)",
        SimulatedEventKind.Speak => "caller speaks",
        _ => "caller hangs up",
    };

    public override string ToString()
    {
        string when = $"[{(int)At.TotalMinutes:00}:{At.Seconds:00}.{At.Milliseconds:000}]";
        string extra = Kind switch
        {
            SimulatedEventKind.Prompt or SimulatedEventKind.Say => CutAfter is { } cut
                ? $" ({Duration.TotalSeconds:0.00} s, cut by a key after {cut.TotalSeconds:0.00} s)"
                : $" ({Duration.TotalSeconds:0.00} s)",
            SimulatedEventKind.Transfer => Succeeded ? " (accepted)" : " (failed)",
            SimulatedEventKind.Record => Detail is null ? "" : $" ({Duration.TotalSeconds:0.00} s, ended by {Detail})",
            SimulatedEventKind.Speak => $" for {Duration.TotalSeconds:0.00} s",
            _ => "",
        };
        return $"{when} {Describe()}{extra}";
    }
}
