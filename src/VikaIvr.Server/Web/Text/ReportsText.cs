namespace VikaIvr.Server.Web.Text;

/// <summary>The reports page's labels: ReportsText.resx is Indonesian, ReportsText.en.resx English.</summary>
public sealed class ReportsText;
