using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;

namespace VikaIvr.Server.Hosting.Settings;

/// <summary>Checks the Media section: the RTP range, the codecs, the public address, the in-band DTMF mode and the SRTP policy.</summary>
public sealed class MediaSettingsValidator : IValidateOptions<MediaSettings>
{
    /// <summary>What Media:InBandDtmf takes (Telephony reads "always" and "never"; anything else is auto).</summary>
    public static readonly IReadOnlyList<string> InBandDtmfModes = ["auto", "always", "never"];

    public ValidateOptionsResult Validate(string? name, MediaSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new SettingFailures();
        bool range = RtpPortRange.TryParse(options.RtpPorts, out int low, out int high);
        if (!range)
        {
            failures.Add("Media:RtpPorts", options.RtpPorts, RtpPortRange.Expected);
        }

        int shared = options.SharedRtpPort;
        if (shared != 0 && (shared < 1024 || shared > 65534 || shared % 2 != 0 || (range && shared + 1 >= low && shared <= high)))
        {
            failures.Add("Media:SharedRtpPort", shared.ToString(CultureInfo.InvariantCulture), NumericSettings.For("Media:SharedRtpPort").Expected);
        }

        if (!string.IsNullOrEmpty(options.PublicAddress) && !IPAddress.TryParse(options.PublicAddress, out _))
        {
            failures.Add("Media:PublicAddress", options.PublicAddress, "an IP address, or empty for the local address that reaches the caller");
        }

        for (int i = 0; i < options.Codecs.Count; i++)
        {
            if (!CodecNames.TryParse(options.Codecs[i], out _))
            {
                failures.Add($"Media:Codecs:{i}", options.Codecs[i], CodecNames.Expected);
            }
        }

        failures.Range("Media:PacerThreads", options.PacerThreads);
        failures.Range("Media:ReceiveThreads", options.ReceiveThreads);
        failures.Range("Media:ReceiveBatchMs", options.ReceiveBatchMs);
        if (options.PacerSlots % 2 != 0)
        {
            // An odd count's slot does not divide 10 ms, so a 10 or 30 ms ptime would not keep to its phases.
            failures.Add("Media:PacerSlots", options.PacerSlots.ToString(CultureInfo.InvariantCulture), NumericSettings.For("Media:PacerSlots").Expected);
        }
        else
        {
            failures.Range("Media:PacerSlots", options.PacerSlots);
        }
        failures.Range("Media:RtpTimeoutSeconds", options.RtpTimeoutSeconds);
        if (!InBandDtmfModes.Contains(options.InBandDtmf, StringComparer.Ordinal))
        {
            failures.Add("Media:InBandDtmf", options.InBandDtmf, "auto, always or never");
        }

        if (!SrtpModeNames.TryParse(options.Srtp, out _))
        {
            failures.Add("Media:Srtp", options.Srtp, SrtpModeNames.Expected);
        }

        return failures.Result;
    }
}
