namespace VikaIvr.Server.Web.Text;

/// <summary>The audit page's labels: AuditText.resx Indonesian, AuditText.en.resx English.</summary>
public sealed class AuditText;
