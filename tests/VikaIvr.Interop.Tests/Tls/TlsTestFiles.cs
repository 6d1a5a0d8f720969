using System.Globalization;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Tls;

/// <summary>
/// Certificates made the way the README tells an operator to (openssl req -x509, EC P-256, the
/// address in subjectAltName), in the test's own temporary folder.
/// </summary>
public sealed class TlsTestFiles : IDisposable
{
    public TlsTestFiles()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("vika-tls-interop-").FullName;
    }

    public string Directory { get; }

    public string Certificate(string name) => Path.Combine(Directory, name + ".crt");

    public string Key(string name) => Path.Combine(Directory, name + ".key");

    /// <summary>Certificate and key in one PEM (baresip's sip_certificate).</summary>
    public string Combined(string name) => Path.Combine(Directory, name + ".pem");

    /// <summary>Makes NAME.crt, NAME.key and NAME.pem (both) for 127.0.0.1; throws with openssl's output when it fails.</summary>
    public void Make(string name)
    {
        var result = ProcessRunner.RunAsync("openssl",
            ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "30",
             "-subj", "/CN=" + name, "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
             "-keyout", Key(name), "-out", Certificate(name)],
            TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("openssl could not make a certificate (install the Debian package openssl): " + result.Describe());
        }

        File.WriteAllText(Combined(name), File.ReadAllText(Certificate(name)) + File.ReadAllText(Key(name)));
    }

    /// <summary>The server settings that turn TLS on with NAME's certificate on <paramref name="port"/>.</summary>
    public Dictionary<string, string> ServerEnvironment(string name, int port) => new()
    {
        ["VIKA_Sip__Tls__Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["VIKA_Sip__Tls__Certificate"] = Certificate(name),
        ["VIKA_Sip__Tls__Key"] = Key(name),
    };

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
