using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace VikaIvr.Sip.Tests.Transport;

/// <summary>
/// Self-signed certificates made in the test (CertificateRequest, ECDSA P-256) for 127.0.0.1,
/// written as PEM files into a temporary folder and loaded back the way the server loads them.
/// </summary>
public sealed class TlsTestCertificates : IDisposable
{
    public TlsTestCertificates()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("vika-tls-").FullName;
    }

    public string Directory { get; }

    /// <summary>Makes <paramref name="name"/>.crt and <paramref name="name"/>.key and returns the certificate with its key.</summary>
    public X509Certificate2 Create(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllText(CertificatePath(name), created.ExportCertificatePem());
        File.WriteAllText(KeyPath(name), key.ExportPkcs8PrivateKeyPem());
        using var pem = X509Certificate2.CreateFromPemFile(CertificatePath(name), KeyPath(name));
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), password: null);
    }

    public string CertificatePath(string name) => Path.Combine(Directory, name + ".crt");

    public string KeyPath(string name) => Path.Combine(Directory, name + ".key");

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
