using Microsoft.Extensions.Options;

namespace VikaIvr.Server.Hosting.Settings;

/// <summary>Checks the Speech section: a known engine, a voice, a usable Azure endpoint.</summary>
public sealed class SpeechSettingsValidator : IValidateOptions<SpeechSettings>
{
    public ValidateOptionsResult Validate(string? name, SpeechSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new SettingFailures();
        if (!options.Engine.Equals("espeak-ng", StringComparison.OrdinalIgnoreCase) && !options.Engine.Equals("azure", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add("Speech:Engine", options.Engine, "espeak-ng or azure");
        }

        if (string.IsNullOrWhiteSpace(options.Voice))
        {
            failures.Add("Speech:Voice", options.Voice, "a voice name such as id");
        }

        var endpoint = options.Azure.Endpoint;
        if (!string.IsNullOrEmpty(endpoint)
            && !(Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            failures.Add("Speech:Azure:Endpoint", endpoint, "an http(s) URL, or empty for the region's endpoint");
        }

        return failures.Result;
    }
}
