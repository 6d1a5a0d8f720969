using Microsoft.Extensions.Options;

namespace VikaIvr.Server.Hosting.Settings;

/// <summary>Checks the Server section: health-line interval, scheduling priority, stop and drain time.</summary>
public sealed class ServerSettingsValidator : IValidateOptions<ServerSettings>
{
    public ValidateOptionsResult Validate(string? name, ServerSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new SettingFailures();
        failures.Range("Server:StatsSeconds", options.StatsSeconds);
        failures.Range("Server:StopSeconds", options.StopSeconds);
        failures.Range("Server:DrainSeconds", options.DrainSeconds);
        if (!ServerPriority.IsKnown(options.Priority))
        {
            failures.Add("Server:Priority", options.Priority, "normal or high");
        }

        return failures.Result;
    }
}
