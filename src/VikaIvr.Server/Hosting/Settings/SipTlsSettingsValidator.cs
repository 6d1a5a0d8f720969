using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using VikaIvr.Server.Hosting.Serve;

namespace VikaIvr.Server.Hosting.Settings;

/// <summary>
/// Checks Sip:Tls before the server binds anything: the port, the client-certificate policy, and
/// that the certificate, key and CA files exist and parse as PEM (the certificate with its key).
/// Paths are relative to Home.
/// </summary>
public sealed class SipTlsSettingsValidator(string home) : IValidateOptions<SipSettings>
{
    public ValidateOptionsResult Validate(string? name, SipSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tls = options.Tls;
        var failures = new SettingFailures();
        if (tls.Port is < 1 or > 65535)
        {
            failures.Add("Sip:Tls:Port", tls.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "a port number 1-65535");
        }

        var mode = SipTlsLoader.TryParseMode(tls.ClientCertificates);
        if (mode is null)
        {
            failures.Add("Sip:Tls:ClientCertificates", tls.ClientCertificates, "off, optional or required");
        }

        var hasCertificate = !string.IsNullOrWhiteSpace(tls.Certificate);
        var hasKey = !string.IsNullOrWhiteSpace(tls.Key);
        if (hasCertificate != hasKey)
        {
            failures.Add(hasCertificate ? "Sip:Tls:Key" : "Sip:Tls:Certificate", "", "set too: TLS needs both Sip:Tls:Certificate and Sip:Tls:Key (PEM files)");
        }
        else if (hasCertificate && Exists(failures, "Sip:Tls:Certificate", tls.Certificate) & Exists(failures, "Sip:Tls:Key", tls.Key))
        {
            CheckPair(failures, tls);
        }
        else if (!hasCertificate && mode is not null and not Sip.Transport.SipClientCertificateMode.Off)
        {
            failures.Add("Sip:Tls:ClientCertificates", tls.ClientCertificates, "off while TLS is off (set Sip:Tls:Certificate and Sip:Tls:Key)");
        }

        if (!string.IsNullOrWhiteSpace(tls.TrustedCa) && Exists(failures, "Sip:Tls:TrustedCa", tls.TrustedCa))
        {
            CheckCa(failures, tls.TrustedCa);
        }

        return failures.Result;
    }

    private string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(home, path));

    private bool Exists(SettingFailures failures, string key, string path)
    {
        if (File.Exists(Resolve(path)))
        {
            return true;
        }

        failures.Add(key, path, $"an existing PEM file (not found at {Resolve(path)})");
        return false;
    }

    private void CheckPair(SettingFailures failures, SipTlsSettings tls)
    {
        try
        {
            using var pair = X509Certificate2.CreateFromPemFile(Resolve(tls.Certificate), Resolve(tls.Key));
            if (!pair.HasPrivateKey)
            {
                failures.Add("Sip:Tls:Key", tls.Key, "the PEM private key of Sip:Tls:Certificate");
            }
        }
        catch (CryptographicException ex)
        {
            // The key path is hidden as a secret; the cause names which file did not parse.
            failures.Add("Sip:Tls:Certificate", tls.Certificate, "a PEM certificate with its matching PEM key in Sip:Tls:Key (" + ex.Message.TrimEnd('.') + ")");
        }
    }

    private void CheckCa(SettingFailures failures, string path)
    {
        try
        {
            var ca = new X509Certificate2Collection();
            ca.ImportFromPemFile(Resolve(path));
            if (ca.Count == 0)
            {
                failures.Add("Sip:Tls:TrustedCa", path, "a PEM file with at least one CA certificate");
            }
        }
        catch (CryptographicException ex)
        {
            failures.Add("Sip:Tls:TrustedCa", path, "a PEM file of CA certificates (" + ex.Message.TrimEnd('.') + ")");
        }
    }
}
