namespace VikaIvr.Testing.Caller;

/// <summary>One step of a `vika call --dtmf` plan: keys to send, or a pause.</summary>
/// <param name="Keys">The keys, or empty for a pause.</param>
/// <param name="Pause">How long to wait (for a pause step).</param>
public readonly record struct KeyPlanStep(string Keys, TimeSpan Pause)
{
    public bool IsPause => Keys.Length == 0;

    public override string ToString() => IsPause ? $"wait {Pause.TotalMilliseconds:0} ms" : "keys " + Keys;
}
