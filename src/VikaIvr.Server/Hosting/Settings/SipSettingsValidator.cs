using Microsoft.Extensions.Options;
using VikaIvr.Sip.Core;

namespace VikaIvr.Server.Hosting.Settings;

/// <summary>Checks the Sip section before the server binds anything.</summary>
public sealed class SipSettingsValidator : IValidateOptions<SipSettings>
{
    public ValidateOptionsResult Validate(string? name, SipSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new SettingFailures();
        if (!ListenAddress.TryParse(options.Bind, out _))
        {
            failures.Add("Sip:Bind", options.Bind, "an IP address, or 0.0.0.0 / :: for every address");
        }

        failures.Range("Sip:Port", options.Port);
        failures.Range("Sip:MaxCallDurationSeconds", options.MaxCallDurationSeconds);
        failures.Range("Sip:AnswerDelayMs", options.AnswerDelayMs);
        failures.Range("Sip:MaxHeaders", options.MaxHeaders);
        failures.Range("Sip:MaxCalls", options.MaxCalls);
        failures.Range("Sip:MaxCallsPerSecond", options.MaxCallsPerSecond);
        failures.Range("Sip:MaxCallsPerSourcePerSecond", options.MaxCallsPerSourcePerSecond);
        failures.Range("Sip:SourceBanSeconds", options.SourceBanSeconds);
        failures.Range("Sip:RetryAfterSeconds", options.RetryAfterSeconds);
        failures.Range("Sip:MaxTcpConnectionsPerSource", options.MaxTcpConnectionsPerSource);
        failures.Range("Sip:TcpFirstMessageSeconds", options.TcpFirstMessageSeconds);
        failures.Range("Sip:SessionExpiresSeconds", options.SessionExpiresSeconds);
        failures.Range("Sip:MinSessionExpiresSeconds", options.MinSessionExpiresSeconds);
        if (options.MinSessionExpiresSeconds >= 1 && options.SessionExpiresSeconds >= 1 && options.SessionExpiresSeconds < options.MinSessionExpiresSeconds)
        {
            failures.Add("Sip:SessionExpiresSeconds", options.SessionExpiresSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "seconds not below Sip:MinSessionExpiresSeconds (" + options.MinSessionExpiresSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")");
        }
        for (int i = 0; i < options.ServiceNumbers.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.ServiceNumbers[i]))
            {
                failures.Add($"Sip:ServiceNumbers:{i}", options.ServiceNumbers[i], "a number such as 165");
            }
        }

        for (int i = 0; i < options.AllowFrom.Count; i++)
        {
            if (!IsCidr(options.AllowFrom[i]))
            {
                failures.Add($"Sip:AllowFrom:{i}", options.AllowFrom[i], "an IP address or a CIDR block such as 10.0.0.0/8");
            }
        }

        for (int i = 0; i < options.TrustedProxies.Count; i++)
        {
            if (!IsCidr(options.TrustedProxies[i]))
            {
                failures.Add($"Sip:TrustedProxies:{i}", options.TrustedProxies[i], "an IP address or a CIDR block such as 10.0.0.0/8");
            }
        }

        if (options.ServerHeader.Any(char.IsControl))
        {
            failures.Add("Sip:ServerHeader", options.ServerHeader, "a product name without control characters, or empty for no Server header");
        }

        if (options.ChallengeInvites)
        {
            if (string.IsNullOrWhiteSpace(options.AuthRealm))
            {
                failures.Add("Sip:AuthRealm", options.AuthRealm, "a realm name when Sip:ChallengeInvites is true");
            }

            if (options.InviteCredentials.Count == 0)
            {
                failures.Add("Sip:InviteCredentials", "{}", "at least one user and password when Sip:ChallengeInvites is true");
            }
        }

        return failures.Result;
    }

    internal static bool IsCidr(string text)
    {
        try
        {
            SipCidr.Parse(text);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException)
        {
            return false;
        }
    }
}
