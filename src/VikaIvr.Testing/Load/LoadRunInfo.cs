namespace VikaIvr.Testing.Load;

/// <summary>What the run was asked to do, written at the head of the JSON report.</summary>
public sealed record LoadRunInfo(string Target, string Mode, int Calls, double Rate, TimeSpan Duration);
