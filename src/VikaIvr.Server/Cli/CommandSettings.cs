using System.CommandLine;
using Microsoft.Extensions.Configuration;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Hosting.Settings;

namespace VikaIvr.Server.Cli;

/// <summary>
/// The settings options one command takes: --config FILE and the <see cref="SettingOption"/>s it
/// chooses. A command offers only the ones it uses, so any other is an unknown option.
/// </summary>
public sealed class CommandSettings
{
    private readonly Option<string> _config = new("--config") { HelpName = "FILE", Description = "the settings file (default config/appsettings.json)" };
    private readonly IReadOnlyList<SettingOption> _options;

    public CommandSettings(params SettingOption[] options) => _options = options;

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_config);
        foreach (var option in _options) command.Options.Add(option.Option);
    }

    /// <summary>The configuration the parse result asks for: the file, VIKA_ variables, then the options given.</summary>
    public IConfigurationRoot Configuration(ParseResult result, string home)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var option in _options)
        {
            if (option.Read(result) is { } value) overrides[option.Key] = value;
        }

        return VikaConfiguration.Build(home, result.GetValue(_config), overrides);
    }

    /// <summary>The validated settings (<see cref="SettingsException"/> names each bad key).</summary>
    public VikaSettings Read(ParseResult result)
    {
        string home = VikaConfiguration.FindHome();
        return SettingsReader.Read(Configuration(result, home), home);
    }
}
