namespace VikaIvr.Data.Reports;

/// <summary>How many calls had <paramref name="Name"/> (a DTMF method, an outcome, an end reason).</summary>
public sealed record NamedCount(string Name, int Calls);
