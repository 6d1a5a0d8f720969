namespace VikaIvr.Data.Reports;

/// <summary>
/// One node of the drop-off funnel: <paramref name="Entered"/> counts the calls that entered the
/// node at least once (a call that loops through it counts once), <paramref name="LeftHere"/> the
/// calls whose last node it was — where they left the flow (hung up, were transferred or ended).
/// </summary>
public sealed record FunnelStep(string NodeId, int Entered, int LeftHere);
