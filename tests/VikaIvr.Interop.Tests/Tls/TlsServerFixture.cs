using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Tls;

/// <summary>A server with TLS on a port of its own, its certificate made for the test class.</summary>
public class TlsServerFixture : ServerFixture, IDisposable
{
    public TlsServerFixture()
    {
        Files.Make("vika");
    }

    public TlsTestFiles Files { get; } = new();

    public int TlsPort { get; } = FreePorts.SipPort();

    /// <summary>The URI baresip dials: 165 on the TLS port.</summary>
    public string TlsTarget => $"sip:165@127.0.0.1:{TlsPort};transport=tls";

    protected override ServerOptions Options => new() { Environment = Settings() };

    public void Dispose()
    {
        Files.Dispose();
        GC.SuppressFinalize(this);
    }

    protected virtual Dictionary<string, string> Settings() => Files.ServerEnvironment("vika", TlsPort);
}
