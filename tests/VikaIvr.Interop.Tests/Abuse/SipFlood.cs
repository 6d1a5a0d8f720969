using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VikaIvr.Interop.Tests.Abuse;

/// <summary>
/// A request flood over UDP from one source: OPTIONS and INVITEs to unknown numbers in turn (what a
/// scanner sends), each new (own Call-ID and branch), paced to <c>perSecond</c> by the clock, not by
/// timer ticks, so the count stays right when a tick comes late. Counts what it sent and what came back.
/// </summary>
public sealed class SipFlood(IPEndPoint server, string source, int perSecond) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _sending;
    private Task? _receiving;
    private long _sent;
    private long _received;

    public long Sent => Interlocked.Read(ref _sent);

    public long Received => Interlocked.Read(ref _received);

    public TimeSpan Elapsed { get; private set; }

    public void Start()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
        _receiving = Task.Run(() => ReceiveAsync(socket, _stop.Token));
        _sending = Task.Run(() => SendAsync(socket, _stop.Token));
    }

    /// <summary>Stops sending; what was sent and received stays readable.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_sending ?? Task.CompletedTask, _receiving ?? Task.CompletedTask);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task SendAsync(Socket socket, CancellationToken ct)
    {
        var local = (IPEndPoint)socket.LocalEndPoint!;
        var clock = Stopwatch.StartNew();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        try
        {
            while (await tick.WaitForNextTickAsync(ct))
            {
                var due = (long)(clock.Elapsed.TotalSeconds * perSecond);
                while (Sent < due)
                {
                    var n = Interlocked.Increment(ref _sent);
                    await socket.SendToAsync(Encoding.ASCII.GetBytes(Request(n, local)), SocketFlags.None, server, ct);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            Elapsed = clock.Elapsed;
            socket.Dispose();
        }
    }

    private async Task ReceiveAsync(Socket socket, CancellationToken ct)
    {
        var buffer = new byte[65535];
        try
        {
            while (true)
            {
                await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), ct);
                Interlocked.Increment(ref _received);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private static string Request(long n, IPEndPoint local)
    {
        var method = n % 2 == 0 ? "OPTIONS" : "INVITE";
        var user = method == "INVITE" ? "9" + (n % 10000).ToString("D4", CultureInfo.InvariantCulture) : "165";
        return $"{method} sip:{user}@127.0.0.1 SIP/2.0\r\n"
            + $"Via: SIP/2.0/UDP {local.Address}:{local.Port};branch=z9hG4bKflood{n};rport\r\n"
            + "Max-Forwards: 70\r\n"
            + $"From: <sip:flood@{local.Address}>;tag=f{n}\r\n"
            + $"To: <sip:{user}@127.0.0.1>\r\n"
            + $"Call-ID: flood-{n}@{local.Address}\r\n"
            + $"CSeq: 1 {method}\r\n"
            + $"Contact: <sip:flood@{local.Address}:{local.Port}>\r\n"
            + "User-Agent: Linphone/5.2.0\r\n"
            + "Content-Length: 0\r\n\r\n";
    }
}
