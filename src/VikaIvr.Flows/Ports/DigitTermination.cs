namespace VikaIvr.Flows.Ports;

public enum DigitTermination
{
    /// <summary>MaxDigits were typed.</summary>
    MaxDigits,

    /// <summary>A terminator key ended the entry.</summary>
    Terminator,

    /// <summary>The inter-digit timeout passed after at least one key.</summary>
    InterDigitTimeout,

    /// <summary>No key before the first-digit timeout.</summary>
    NoInput,

    /// <summary>The call ended.</summary>
    Hangup,
}
