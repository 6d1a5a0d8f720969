using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace VikaIvr.Sip.Tests.Transport;

/// <summary>The far end of a test TLS connection: trusts exactly one server certificate, may present its own.</summary>
public sealed class TlsTestPeer : IAsyncDisposable
{
    private static readonly TimeSpan Wall = TimeSpan.FromSeconds(20);
    private readonly Socket _socket;
    private readonly StringBuilder _received = new();

    private TlsTestPeer(Socket socket, SslStream stream)
    {
        _socket = socket;
        Stream = stream;
    }

    public SslStream Stream { get; }

    public IPEndPoint Local => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>Connects from <paramref name="from"/> and completes the handshake; throws what the handshake threw.</summary>
    public static async Task<TlsTestPeer> ConnectAsync(IPEndPoint server, X509Certificate2 trusted, X509Certificate2? clientCertificate = null, IPAddress? from = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(from ?? IPAddress.Loopback, 0));
        await socket.ConnectAsync(server);
        var stream = new SslStream(new NetworkStream(socket, ownsSocket: true));
        try
        {
            using var cts = new CancellationTokenSource(Wall);
            await stream.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "127.0.0.1",
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                ClientCertificates = clientCertificate is null ? null : [clientCertificate],
                RemoteCertificateValidationCallback = (_, c, _, _) => c is not null && c.GetCertHashString() == trusted.GetCertHashString(),
            }, cts.Token);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }

        return new TlsTestPeer(socket, stream);
    }

    /// <summary>Accepts one connection on <paramref name="listener"/> as a TLS server with <paramref name="certificate"/>.</summary>
    public static async Task<TlsTestPeer> AcceptAsync(TcpListener listener, X509Certificate2 certificate)
    {
        using var cts = new CancellationTokenSource(Wall);
        var socket = await listener.AcceptSocketAsync(cts.Token);
        var stream = new SslStream(new NetworkStream(socket, ownsSocket: true));
        try
        {
            await stream.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
            {
                ServerCertificate = certificate,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            }, cts.Token);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }

        return new TlsTestPeer(socket, stream);
    }

    public async Task SendAsync(string text) => await Stream.WriteAsync(Encoding.ASCII.GetBytes(text));

    /// <summary>The next whole message's head (up to the blank line); its body is read and dropped, what follows stays for the next call.</summary>
    public async Task<string> ReadHeadAsync()
    {
        using var cts = new CancellationTokenSource(Wall);
        var buffer = new byte[8192];
        while (true)
        {
            var text = _received.ToString();
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0 && text.Length >= end + 4 + BodyLength(text[..end]))
            {
                _received.Remove(0, end + 4 + BodyLength(text[..end]));
                return text[..(end + 4)];
            }

            var read = await Stream.ReadAsync(buffer, cts.Token);
            Assert.True(read > 0, "the connection closed before a whole message came");
            _received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
    }

    /// <summary>Passes when the server closes the connection: end of stream, a reset or a failed TLS read.</summary>
    public async Task AssertClosedAsync()
    {
        using var cts = new CancellationTokenSource(Wall);
        try
        {
            var buffer = new byte[1024];
            Assert.Equal(0, await Stream.ReadAsync(buffer, cts.Token));
        }
        catch (IOException)
        {
            // A reset under TLS surfaces as an IOException: closed all the same.
        }
    }

    private static int BodyLength(string head)
    {
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(line.AsSpan("Content-Length:".Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    public async ValueTask DisposeAsync() => await Stream.DisposeAsync();
}
