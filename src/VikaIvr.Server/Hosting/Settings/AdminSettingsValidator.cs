using Microsoft.Extensions.Options;
using VikaIvr.Server.Hosting.Admin;

namespace VikaIvr.Server.Hosting.Settings;

/// <summary>Checks the Admin section: the admin endpoint's HOST:PORT (empty = off).</summary>
public sealed class AdminSettingsValidator : IValidateOptions<AdminSettings>
{
    public ValidateOptionsResult Validate(string? name, AdminSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new SettingFailures();
        if (!AdminBind.TryParse(options.Bind, out _))
        {
            failures.Add("Admin:Bind", options.Bind, "HOST:PORT with an IP address such as 127.0.0.1:8165 (port 0 = any free port), or empty for no admin endpoint");
        }

        return failures.Result;
    }
}
