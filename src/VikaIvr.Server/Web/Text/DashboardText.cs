namespace VikaIvr.Server.Web.Text;

/// <summary>The dashboard's labels: DashboardText.resx Indonesian, DashboardText.en.resx English.</summary>
public sealed class DashboardText;
