using Microsoft.Extensions.Options;

namespace VikaIvr.Server.Hosting.Settings;

/// <summary>Checks the Trunk section (registration with the provider).</summary>
public sealed class TrunkSettingsValidator : IValidateOptions<TrunkSettings>
{
    public ValidateOptionsResult Validate(string? name, TrunkSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new SettingFailures();
        if (!string.IsNullOrEmpty(options.Registrar) && !SipUris.IsSipUri(options.Registrar))
        {
            failures.Add("Trunk:Registrar", options.Registrar, "a sip: or sips: URI, or empty for no registration");
        }

        failures.Range("Trunk:ExpiresSeconds", options.ExpiresSeconds);
        return failures.Result;
    }
}
