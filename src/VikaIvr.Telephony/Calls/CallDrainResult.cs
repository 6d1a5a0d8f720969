namespace VikaIvr.Telephony.Calls;

/// <summary>How a drain ended: calls that ended by themselves, and calls cut with BYE at its end.</summary>
public sealed record CallDrainResult(int Drained, int Cut);
