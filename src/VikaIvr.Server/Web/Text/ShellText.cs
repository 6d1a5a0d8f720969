namespace VikaIvr.Server.Web.Text;

/// <summary>The shell's labels (layout, sign-in, language): ShellText.resx is Indonesian, ShellText.en.resx English.</summary>
public sealed class ShellText;
