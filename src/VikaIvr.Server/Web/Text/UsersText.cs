namespace VikaIvr.Server.Web.Text;

/// <summary>The users page's labels: UsersText.resx Indonesian, UsersText.en.resx English.</summary>
public sealed class UsersText;
