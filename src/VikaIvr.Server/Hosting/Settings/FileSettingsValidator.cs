using Microsoft.Extensions.Options;

namespace VikaIvr.Server.Hosting.Settings;

/// <summary>Checks the sections that name folders and files (Data, Flow, Prompts): present, and a usable agent URI.</summary>
public sealed class FileSettingsValidator : IValidateOptions<DataSettings>, IValidateOptions<FlowSettings>, IValidateOptions<PromptSettings>
{
    public ValidateOptionsResult Validate(string? name, DataSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new SettingFailures();
        Require(failures, "Data:Directory", options.Directory, "a folder for the database and the speech cache");
        return failures.Result;
    }

    public ValidateOptionsResult Validate(string? name, FlowSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new SettingFailures();
        Require(failures, "Flow:File", options.File, "the call flow's YAML file");
        if (!string.IsNullOrEmpty(options.AgentUri) && !SipUris.IsCallTarget(options.AgentUri))
        {
            failures.Add("Flow:AgentUri", options.AgentUri, "a sip:, sips: or tel: URI, or empty");
        }

        return failures.Result;
    }

    public ValidateOptionsResult Validate(string? name, PromptSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new SettingFailures();
        Require(failures, "Prompts:Directory", options.Directory, "the prompt folder");
        Require(failures, "Prompts:Language", options.Language, "a language code such as id");
        return failures.Result;
    }

    private static void Require(SettingFailures failures, string key, string value, string expected)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add(key, value, expected);
        }
    }
}
