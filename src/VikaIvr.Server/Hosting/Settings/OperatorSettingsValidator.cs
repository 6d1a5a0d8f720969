using Microsoft.Extensions.Options;

namespace VikaIvr.Server.Hosting.Settings;

/// <summary>Checks the Operator section: a dialable number and a PIN a phone can key (never echoed).</summary>
public sealed class OperatorSettingsValidator : IValidateOptions<OperatorSettings>
{
    public ValidateOptionsResult Validate(string? name, OperatorSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new SettingFailures();
        var number = options.Number.Trim();
        if (number.Length > 0 && !IsDialable(number))
        {
            failures.Add("Operator:Number", options.Number, "digits (an optional leading +), or empty for 16599");
        }

        var pin = options.Pin.Trim();
        if (pin.Length > 0 && (pin.Length is < 4 or > 12 || !pin.All(char.IsAsciiDigit)))
        {
            failures.Add("Operator:Pin", options.Pin, "4-12 digits, or empty to keep the line closed");
        }

        return failures.Result;
    }

    private static bool IsDialable(string number)
    {
        var digits = number.StartsWith('+') ? number.AsSpan(1) : number.AsSpan();
        if (digits.IsEmpty)
        {
            return false;
        }

        foreach (char c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
