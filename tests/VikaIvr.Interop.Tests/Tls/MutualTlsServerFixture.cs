namespace VikaIvr.Interop.Tests.Tls;

/// <summary>A server whose TLS port requires a client certificate that chains to the trunk's CA (a mutual-TLS trunk), and SRTP on every call.</summary>
public sealed class MutualTlsServerFixture : TlsServerFixture
{
    public MutualTlsServerFixture()
    {
        Files.Make("trunk");
    }

    protected override Dictionary<string, string> Settings()
    {
        var settings = base.Settings();
        settings["VIKA_Sip__Tls__ClientCertificates"] = "required";
        settings["VIKA_Sip__Tls__TrustedCa"] = Files.Certificate("trunk");
        settings["VIKA_Media__Srtp"] = "required";
        return settings;
    }
}
