namespace VikaIvr.Server.Web.Text;

/// <summary>The flow pages' labels: FlowText.resx (Indonesian, the default) and FlowText.en.resx.</summary>
public sealed class FlowText;
