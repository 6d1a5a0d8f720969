namespace VikaIvr.Flows.Ports;

/// <summary>What a digit collection produced and why it ended.</summary>
public sealed record DigitResult(string Digits, DigitTermination Termination)
{
    public bool IsEmpty => Digits.Length == 0;

    public static DigitResult NoInput { get; } = new("", DigitTermination.NoInput);
    public static DigitResult HungUp { get; } = new("", DigitTermination.Hangup);
}
