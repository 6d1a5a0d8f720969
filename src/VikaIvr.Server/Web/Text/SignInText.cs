namespace VikaIvr.Server.Web.Text;

/// <summary>The sign-in form's messages beyond the shell's labels: SignInText.resx Indonesian, SignInText.en.resx English.</summary>
public sealed class SignInText;
