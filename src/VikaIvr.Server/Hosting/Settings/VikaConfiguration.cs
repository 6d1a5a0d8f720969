using Microsoft.Extensions.Configuration;
using VikaIvr.Server.Cli;

namespace VikaIvr.Server.Hosting.Settings;

/// <summary>
/// The configuration every command reads, in rising precedence: config/appsettings.json (or
/// --config FILE), VIKA_ environment variables (VIKA_Sip__Port=5070) and the command line's options
/// mapped to their keys (--sip-port → Sip:Port).
/// </summary>
public static class VikaConfiguration
{
    public const string EnvironmentPrefix = "VIKA_";

    public static IConfigurationRoot Build(string home, string? configFile, IReadOnlyDictionary<string, string?> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        string file = configFile is null ? Path.Combine(home, "config", "appsettings.json") : Path.GetFullPath(configFile);
        var builder = new ConfigurationBuilder();
        if (File.Exists(file))
        {
            builder.AddJsonFile(file, optional: false, reloadOnChange: false);
        }
        else if (configFile is not null)
        {
            throw new CliException($"configuration file not found: {file}");
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);
        builder.AddInMemoryCollection(overrides);
        try
        {
            return builder.Build();
        }
        catch (InvalidDataException ex)
        {
            throw new CliException($"{file} cannot be read: {ex.InnerException?.Message ?? ex.Message}");
        }
    }

    /// <summary>The repository root: VIKA_HOME, else the nearest folder above the program holding config/appsettings.json, else the working directory.</summary>
    public static string FindHome()
    {
        if (Environment.GetEnvironmentVariable("VIKA_HOME") is { Length: > 0 } env)
        {
            return Path.GetFullPath(env);
        }

        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "config", "appsettings.json")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
