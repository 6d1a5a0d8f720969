namespace VikaIvr.Testing.Scripting;

/// <summary>One thing the caller heard, located in the received stream (sample offsets at 8 kHz).</summary>
/// <param name="PromptId">The prompt for <see cref="HeardEventKind.Prompt"/>, else null.</param>
/// <param name="Start">The first audible sample.</param>
/// <param name="End">One past the last sample of the event.</param>
/// <param name="Cut">For a prompt: it stopped before its end (barge-in, hangup).</param>
public sealed record HeardEvent(HeardEventKind Kind, string? PromptId, int Start, int End, bool Cut)
{
    /// <summary>A prompt recognised by its beginning that was still playing when reported.</summary>
    public bool InProgress { get; init; }

    public TimeSpan At => TimeSpan.FromSeconds(Start / 8000.0);

    public TimeSpan Duration => TimeSpan.FromSeconds((End - Start) / 8000.0);

    public string Describe() => Kind == HeardEventKind.Prompt ? $"prompt {PromptId}" : "speech";

    public override string ToString() => Format(At);

    /// <summary>The transcript line, stamped <paramref name="at"/> (when its first packet arrived, from the script's start).</summary>
    public string Format(TimeSpan at)
    {
        string when = $"[{(int)at.TotalMinutes:00}:{at.Seconds:00}.{at.Milliseconds:000}]";
        string extra = Kind == HeardEventKind.Prompt
            ? InProgress ? " (recognised, playing)" : (Cut ? $" (heard {Duration.TotalSeconds:0.00} s, cut short)" : $" ({Duration.TotalSeconds:0.00} s)")
            : $" ({Duration.TotalSeconds:0.00} s of audio that is no known prompt)";
        return $"{when} {Describe()}{extra}";
    }
}
