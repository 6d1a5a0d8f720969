using System.Net;
using VikaIvr.Media.Session;
using VikaIvr.Server.Hosting.Settings;
using VikaIvr.Telephony.Calls;

namespace VikaIvr.Server.Hosting.Serve;

/// <summary>The telephony options of `serve` from the (validated) Sip and Media settings.</summary>
public static class TelephonySettings
{
    public static TelephonyOptions Create(VikaSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var bind = SpecificAddress(settings.Sip.Bind);
        return new TelephonyOptions
        {
            MediaAddress = string.IsNullOrEmpty(settings.Media.PublicAddress) ? bind : IPAddress.Parse(settings.Media.PublicAddress),
            RtpBindAddress = bind,
            Codecs = settings.Media.Codecs.Select(CodecNames.Parse).ToList(),
            AnswerDelay = TimeSpan.FromMilliseconds(settings.Sip.AnswerDelayMs),
            InBandDtmf = settings.Media.InBandDtmf,
            Srtp = SrtpModeNames.Parse(settings.Media.Srtp),
            Media = new MediaSessionOptions { ComfortSilence = settings.Media.ComfortNoise },
            RtpTimeout = settings.Media.RtpTimeoutSeconds > 0 ? TimeSpan.FromSeconds(settings.Media.RtpTimeoutSeconds) : null,
        };
    }

    /// <summary>The one address Sip:Bind names, or null when it means every address.</summary>
    public static IPAddress? SpecificAddress(string bind) =>
        ListenAddress.Parse(bind) is { } b && !b.Equals(IPAddress.Any) && !b.Equals(IPAddress.IPv6Any) ? b : null;
}
