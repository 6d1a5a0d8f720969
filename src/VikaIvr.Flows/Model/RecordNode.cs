namespace VikaIvr.Flows.Model;

/// <summary>
/// Plays its prompts and the beep, then records the caller until a terminator key, a silence
/// timeout or the maximum duration, and keeps the audio in a clip variable (for a play node's
/// <c>clip</c> or an action). A recording with less than <see cref="MinDuration"/> of sound in it
/// (nothing said: an immediate '#', or silence until the key or the silence timeout) goes to
/// <see cref="OnTooShort"/> when that is set.
/// </summary>
public sealed class RecordNode : FlowNode
{
    public override string Kind => "record";
    public IReadOnlyList<FlowRef> PromptIds { get; init; } = [];
    public FlowRef? Beep { get; init; }
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan SilenceTimeout { get; init; } = TimeSpan.FromSeconds(5);
    public string Terminators { get; init; } = "#";
    public TimeSpan MinDuration { get; init; } = TimeSpan.FromMilliseconds(500);
    public required string Variable { get; init; }
    public FlowRef? OnTooShort { get; init; }
    public required FlowRef Next { get; init; }

    public override IEnumerable<FlowRef> Targets() => OnTooShort is { } s ? [Next, s] : [Next];

    public override IEnumerable<FlowRef> Prompts()
    {
        foreach (var p in PromptIds) yield return p;
        if (Beep is { } b) yield return b;
    }
}
