using Microsoft.Extensions.Options;

namespace VikaIvr.Server.Hosting.Settings;

/// <summary>
/// Checks the Operator section: a dialable number, a PIN of 6-12 digits (a shorter one is guessed
/// too soon; never echoed), the sources the line answers, and the lockout's limits.
/// </summary>
public sealed class OperatorSettingsValidator : IValidateOptions<OperatorSettings>
{
    public const int MinPinDigits = 6;
    public const int MaxPinDigits = 12;

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
        if (pin.Length > 0 && (pin.Length is < MinPinDigits or > MaxPinDigits || !pin.All(char.IsAsciiDigit)))
        {
            failures.Add("Operator:Pin", options.Pin, $"{MinPinDigits}-{MaxPinDigits} digits, or empty to keep the line closed");
        }

        for (int i = 0; i < options.AllowFrom.Count; i++)
        {
            if (!SipSettingsValidator.IsCidr(options.AllowFrom[i]))
            {
                failures.Add($"Operator:AllowFrom:{i}", options.AllowFrom[i], "an IP address or a CIDR block such as 10.0.0.0/8");
            }
        }

        failures.Range("Operator:MaxPinFailures", options.MaxPinFailures);
        failures.Range("Operator:LockoutMinutes", options.LockoutMinutes);
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
