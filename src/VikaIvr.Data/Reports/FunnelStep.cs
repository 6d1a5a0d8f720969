namespace VikaIvr.Data.Reports;

/// <summary>One node of the drop-off funnel: how many calls entered it (each call once) and how many ended there.</summary>
public sealed record FunnelStep(string NodeId, int Entered, int LeftHere);
