using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace VikaIvr.Server.Hosting.Settings;

/// <summary>
/// The validated settings for the commands that are not a long-running host (cdr, db seed,
/// prompts, flow validate, simulate): the same configuration, the same options and the same checks as `serve`.
/// </summary>
public static class SettingsReader
{
    /// <summary>Reads config/appsettings.json (or <paramref name="configFile"/>), VIKA_ variables and <paramref name="overrides"/>.</summary>
    public static VikaSettings Read(string? configFile = null, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        string home = VikaConfiguration.FindHome();
        var configuration = VikaConfiguration.Build(home, configFile, overrides ?? new Dictionary<string, string?>());
        return Read(configuration, home);
    }

    public static VikaSettings Read(IConfiguration configuration, string home)
    {
        var services = new ServiceCollection().AddVikaOptions(configuration, home);
        using var provider = services.BuildServiceProvider();
        SettingsCheck.Validate(provider, configuration);
        return provider.GetRequiredService<VikaSettings>();
    }
}
