namespace VikaIvr.Server.Web.Text;

/// <summary>The calls pages' labels: CallsText.resx (Indonesian, the default) and CallsText.en.resx.</summary>
public sealed class CallsText
{
}
