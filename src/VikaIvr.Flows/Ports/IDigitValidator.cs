namespace VikaIvr.Flows.Ports;

/// <summary>A named check on collected digits (nik-or-card, birth-date, ...).</summary>
public interface IDigitValidator
{
    string Name { get; }

    /// <summary>True when the entry is acceptable; <paramref name="now"/> is the flow's clock.</summary>
    bool IsValid(string digits, DateTimeOffset now);
}
