using System.Globalization;
using Microsoft.Extensions.Options;

namespace VikaIvr.Server.Hosting.Settings;

/// <summary>
/// Collects the problems of one options section as single lines:
/// `invalid setting Sip:Port = 'abc': expected a port number 1-65535`. Secrets are never echoed.
/// </summary>
public sealed class SettingFailures
{
    private readonly List<string> _lines = [];

    public void Add(string key, string? value, string expected) =>
        _lines.Add(Line(key, value, expected));

    /// <summary>Checks a whole number against its rule in <see cref="NumericSettings"/>.</summary>
    public void Range(string key, int value)
    {
        var rule = NumericSettings.For(key);
        if (!rule.Allows(value))
        {
            Add(key, value.ToString(CultureInfo.InvariantCulture), rule.Expected);
        }
    }

    public ValidateOptionsResult Result => _lines.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_lines);

    public static string Line(string key, string? value, string expected) =>
        $"invalid setting {key} = '{(IsSecret(key) ? "(hidden)" : value)}': expected {expected}";

    /// <summary>PINs, passwords and keys stay out of messages and logs.</summary>
    public static bool IsSecret(string key) =>
        key.EndsWith(":Pin", StringComparison.OrdinalIgnoreCase)
        || key.EndsWith(":Password", StringComparison.OrdinalIgnoreCase)
        || key.EndsWith(":Key", StringComparison.OrdinalIgnoreCase)
        || key.Contains(":InviteCredentials", StringComparison.OrdinalIgnoreCase);
}
