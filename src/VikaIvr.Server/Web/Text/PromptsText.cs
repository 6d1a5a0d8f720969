namespace VikaIvr.Server.Web.Text;

/// <summary>The prompts pages' labels: PromptsText.resx (Indonesian, the default) and PromptsText.en.resx.</summary>
public sealed class PromptsText
{
}
