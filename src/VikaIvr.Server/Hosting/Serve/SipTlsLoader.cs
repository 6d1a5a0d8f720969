using System.Security.Cryptography.X509Certificates;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Server.Hosting.Serve;

/// <summary>Reads the Sip:Tls PEM files into the transport's TLS options (checked beforehand by SipTlsSettingsValidator).</summary>
public static class SipTlsLoader
{
    /// <summary>True when both the certificate and the key are named: TLS is on.</summary>
    public static bool IsEnabled(SipTlsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return !string.IsNullOrWhiteSpace(settings.Certificate) && !string.IsNullOrWhiteSpace(settings.Key);
    }

    /// <summary>The TLS options, or null when TLS is off; <paramref name="resolve"/> makes a path absolute against Home.</summary>
    public static SipTlsOptions? Load(SipTlsSettings settings, Func<string, string> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        if (!IsEnabled(settings))
        {
            return null;
        }

        var certificatePath = resolve(settings.Certificate);
        X509Certificate2 certificate;
        using (var pem = X509Certificate2.CreateFromPemFile(certificatePath, resolve(settings.Key)))
        {
            // A PEM key is ephemeral; SslStream on Linux (and Windows) wants it in a PKCS#12-backed certificate.
            certificate = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), password: null);
        }

        var chain = new X509Certificate2Collection();
        chain.ImportFromPemFile(certificatePath);
        var intermediates = new X509Certificate2Collection();
        foreach (var c in chain)
        {
            if (c.Thumbprint != certificate.Thumbprint)
            {
                intermediates.Add(c);
            }
        }

        var trusted = new X509Certificate2Collection();
        if (!string.IsNullOrWhiteSpace(settings.TrustedCa))
        {
            trusted.ImportFromPemFile(resolve(settings.TrustedCa));
        }

        return new SipTlsOptions
        {
            Port = settings.Port,
            Certificate = certificate,
            Intermediates = intermediates,
            ClientCertificates = ParseMode(settings.ClientCertificates),
            TrustedCa = trusted,
        };
    }

    /// <summary>"off", "optional" or "required" (any case); null for anything else.</summary>
    public static SipClientCertificateMode? TryParseMode(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "off" or "" or null => SipClientCertificateMode.Off,
        "optional" => SipClientCertificateMode.Optional,
        "required" => SipClientCertificateMode.Required,
        _ => null,
    };

    private static SipClientCertificateMode ParseMode(string text) =>
        TryParseMode(text) ?? throw new ArgumentException("Sip:Tls:ClientCertificates is not off, optional or required: " + text, nameof(text));
}
