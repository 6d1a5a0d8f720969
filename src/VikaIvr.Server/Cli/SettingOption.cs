using System.CommandLine;
using System.Globalization;

namespace VikaIvr.Server.Cli;

/// <summary>
/// A command-line option that overrides one configuration key (--sip-port → Sip:Port), so the
/// command line, the VIKA_ variables and the JSON file meet in one configuration and one set of checks.
/// </summary>
public sealed class SettingOption
{
    private readonly Func<ParseResult, string?> _read;

    private SettingOption(Option option, string key, Func<ParseResult, string?> read)
    {
        Option = option;
        Key = key;
        _read = read;
    }

    public Option Option { get; }

    /// <summary>The configuration key it sets, e.g. Sip:Port.</summary>
    public string Key { get; }

    /// <summary>The value given on the command line, as configuration text; null when the option was not given.</summary>
    public string? Read(ParseResult result) => result.GetResult(Option) is null ? null : _read(result);

    /// <summary>A text option; with <paramref name="path"/> a relative value is taken from the working directory (as a person typing it means).</summary>
    public static SettingOption Text(string name, string key, string helpName, string description, bool path = false)
    {
        var option = new Option<string>(name) { HelpName = helpName, Description = $"{description} ({key})" };
        return new SettingOption(option, key, r =>
        {
            string? value = r.GetValue(option);
            return path && !string.IsNullOrEmpty(value) ? Path.GetFullPath(value) : value;
        });
    }

    public static SettingOption Number(string name, string key, string helpName, string description)
    {
        var option = new Option<int>(name) { HelpName = helpName, Description = $"{description} ({key})" };
        return new SettingOption(option, key, r => r.GetValue(option).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A text option that takes only <paramref name="allowed"/> (case-insensitive), refused at parse time with the option's name.</summary>
    public static SettingOption OneOf(string name, string key, string description, params string[] allowed)
    {
        var option = new Option<string>(name) { HelpName = string.Join('|', allowed), Description = $"{description} ({key})" };
        option.Validators.Add(result =>
        {
            string? value = result.GetValueOrDefault<string>();
            if (!allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                result.AddError($"{name} needs {string.Join(" or ", allowed)}, not '{value}'");
            }
        });
        return new SettingOption(option, key, r => r.GetValue(option));
    }
}
