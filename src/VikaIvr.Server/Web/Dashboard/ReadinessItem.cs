namespace VikaIvr.Server.Web.Dashboard;

/// <summary>One readiness check as the dashboard shows it: its name and its problem (null when fine).</summary>
public sealed record ReadinessItem(string Name, string? Problem)
{
    public bool Ok => Problem is null;
}
