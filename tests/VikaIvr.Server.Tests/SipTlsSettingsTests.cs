using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Hosting.Serve;
using VikaIvr.Server.Hosting.Settings;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Server.Tests;

/// <summary>Sip:Tls is checked at start: files that exist and parse as a PEM certificate with its key, the port, the client-certificate policy.</summary>
public sealed class SipTlsSettingsTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("vika-tls-settings-").FullName;

    public SipTlsSettingsTests()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=vika.example", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(90));
        Directory.CreateDirectory(Path.Combine(_home, "tls"));
        File.WriteAllText(Path.Combine(_home, "tls", "server.crt"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_home, "tls", "server.key"), key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path.Combine(_home, "tls", "garbage.crt"), "not a certificate");
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public void Pem_files_relative_to_home_turn_tls_on_with_the_key_usable()
    {
        var settings = Read(new()
        {
            ["Sip:Tls:Certificate"] = "tls/server.crt",
            ["Sip:Tls:Key"] = "tls/server.key",
            ["Sip:Tls:ClientCertificates"] = "Optional",
            ["Sip:Tls:TrustedCa"] = "tls/server.crt",
        });

        var tls = SipTlsLoader.Load(settings.Sip.Tls, settings.Resolve);
        Assert.NotNull(tls);
        Assert.Equal(5061, tls.Port);
        Assert.True(tls.Certificate.HasPrivateKey);
        Assert.Equal("CN=vika.example", tls.Certificate.Subject);
        Assert.Equal(SipClientCertificateMode.Optional, tls.ClientCertificates);
        Assert.Single(tls.TrustedCa);
    }

    [Fact]
    public void Tls_stays_off_without_a_certificate_and_key() =>
        Assert.Null(SipTlsLoader.Load(Read([]).Sip.Tls, p => p));

    [Theory]
    [InlineData("Sip:Tls:Port", "70000", "invalid setting Sip:Tls:Port = '70000': expected a port number 1-65535")]
    [InlineData("Sip:Tls:ClientCertificates", "sometimes", "invalid setting Sip:Tls:ClientCertificates = 'sometimes': expected off, optional or required")]
    [InlineData("Sip:Tls:ClientCertificates", "required", "invalid setting Sip:Tls:ClientCertificates = 'required': expected off while TLS is off (set Sip:Tls:Certificate and Sip:Tls:Key)")]
    [InlineData("Sip:Tls:Certificate", "tls/server.crt", "invalid setting Sip:Tls:Key = '(hidden)': expected set too: TLS needs both Sip:Tls:Certificate and Sip:Tls:Key (PEM files)")]
    public void A_bad_tls_setting_is_one_line_naming_key_and_cause(string key, string value, string expected) =>
        Assert.Equal([expected], Problems(new() { [key] = value }));

    [Fact]
    public void A_missing_key_file_is_named_with_where_it_was_looked_for()
    {
        var line = Assert.Single(Problems(new() { ["Sip:Tls:Certificate"] = "tls/server.crt", ["Sip:Tls:Key"] = "tls/missing.key" }));

        Assert.Equal($"invalid setting Sip:Tls:Key = '(hidden)': expected an existing PEM file (not found at {Path.Combine(_home, "tls", "missing.key")})", line);
    }

    [Fact]
    public void A_certificate_file_that_is_not_pem_is_refused()
    {
        var line = Assert.Single(Problems(new() { ["Sip:Tls:Certificate"] = "tls/garbage.crt", ["Sip:Tls:Key"] = "tls/server.key" }));

        Assert.StartsWith("invalid setting Sip:Tls:Certificate = 'tls/garbage.crt': expected a PEM certificate with its matching PEM key in Sip:Tls:Key (", line);
    }

    [Fact]
    public void A_trusted_ca_file_without_certificates_is_refused()
    {
        var line = Assert.Single(Problems(new() { ["Sip:Tls:TrustedCa"] = "tls/server.key" }));

        Assert.StartsWith("invalid setting Sip:Tls:TrustedCa = 'tls/server.key': expected a PEM file", line);
    }

    private VikaSettings Read(Dictionary<string, string?> values) =>
        SettingsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), _home);

    private IReadOnlyList<string> Problems(Dictionary<string, string?> values) =>
        Assert.Throws<SettingsException>(() => Read(values)).Problems;
}
