using Microsoft.Extensions.Options;

namespace VikaIvr.Server.Hosting.Settings;

/// <summary>
/// Checks Data:ParticipantApi: the URL empty (participants from the database) or an absolute
/// http(s) URL without query, fragment or credentials (lookups append participants/…), and the
/// timeout, retries and cache time within their ranges.
/// </summary>
public sealed class ParticipantApiSettingsValidator : IValidateOptions<DataSettings>
{
    public ValidateOptionsResult Validate(string? name, DataSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var api = options.ParticipantApi;
        var failures = new SettingFailures();
        if (!string.IsNullOrEmpty(api.Url) && !IsServiceUrl(api.Url))
        {
            // A URL with user:password@ is not echoed.
            failures.Add("Data:ParticipantApi:Url", api.Url.Contains('@', StringComparison.Ordinal) ? "(hidden)" : api.Url,
                "an absolute http:// or https:// URL without query or credentials, or empty for the database");
        }

        failures.Range("Data:ParticipantApi:TimeoutMs", api.TimeoutMs);
        failures.Range("Data:ParticipantApi:Retries", api.Retries);
        failures.Range("Data:ParticipantApi:CacheSeconds", api.CacheSeconds);
        return failures.Result;
    }

    private static bool IsServiceUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0;
}
