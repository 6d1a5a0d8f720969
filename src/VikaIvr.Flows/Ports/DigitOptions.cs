namespace VikaIvr.Flows.Ports;

/// <summary>How to collect digits: lengths, terminators and timeouts.</summary>
public sealed record DigitOptions
{
    public int MinDigits { get; init; } = 1;
    public int MaxDigits { get; init; } = 1;

    /// <summary>Keys that end the entry (not included in the digits), e.g. "#". Empty: none.</summary>
    public string Terminators { get; init; } = "";

    /// <summary>Time allowed before the first key.</summary>
    public TimeSpan FirstDigitTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Time allowed between keys; when it passes the entry ends with what was typed.</summary>
    public TimeSpan InterDigitTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>When set, a terminator key that arrives first is dropped (a '#' right after an
    /// entry that completed by length is absorbed, not taken as an empty entry).</summary>
    public bool DiscardLeadingTerminator { get; init; }
}
