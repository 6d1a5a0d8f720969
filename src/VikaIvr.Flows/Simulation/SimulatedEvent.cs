namespace VikaIvr.Flows.Simulation;

/// <summary>Something that happened on a simulated call, at a virtual time since the call started.</summary>
public sealed class SimulatedEvent(SimulatedEventKind kind, TimeSpan at, string value)
{
    public SimulatedEventKind Kind { get; } = kind;
    public TimeSpan At { get; } = at;

    /// <summary>Prompt id, spoken text (normalised by the speech engine), transfer target, or key.</summary>
    public string Value { get; } = value;

    /// <summary>Clip length for prompts and speech.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Set when a key cut the clip short (barge-in): how much of it played.</summary>
    public TimeSpan? CutAfter { get; set; }

    /// <summary>For transfers: whether it was accepted.</summary>
    public bool Succeeded { get; init; }

    public bool IsOutput => Kind is SimulatedEventKind.Prompt or SimulatedEventKind.Say
        or SimulatedEventKind.Transfer or SimulatedEventKind.Hangup;

    public string Describe() => Kind switch
    {
        SimulatedEventKind.Prompt => $"prompt {Value}",
        SimulatedEventKind.Say => $"say \"{Value}\"",
        SimulatedEventKind.Transfer => $"transfer {Value}",
        SimulatedEventKind.Hangup => "hangup",
        SimulatedEventKind.Digit => $"caller presses {Value}",
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
            _ => "",
        };
        return $"{when} {Describe()}{extra}";
    }
}
