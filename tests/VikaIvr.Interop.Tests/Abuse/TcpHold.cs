using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VikaIvr.Interop.Tests.Abuse;

/// <summary>
/// Many TCP connections from one source that never complete a message: each the server keeps gets
/// one more byte of a request every second (a trickle that must not keep it open). Counts the
/// connections the server has closed.
/// </summary>
public sealed class TcpHold(IPEndPoint server, string source) : IAsyncDisposable
{
    private const int ConnectBatch = 200;
    private static readonly byte[] Trickle = Encoding.ASCII.GetBytes("OPTIONS sip:165@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5060;branch=z9hG4bKtrickle\r\n");
    private readonly List<Socket> _sockets = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _trickling;

    public int Count => _sockets.Count;

    /// <summary>Opens <paramref name="count"/> connections, <see cref="ConnectBatch"/> at a time (the server's listen backlog is 512).</summary>
    public async Task OpenAsync(int count)
    {
        for (var opened = 0; opened < count; opened += ConnectBatch)
        {
            var batch = Enumerable.Range(0, Math.Min(ConnectBatch, count - opened)).Select(_ =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
                lock (_sockets)
                {
                    _sockets.Add(socket);
                }

                return socket.ConnectAsync(server);
            }).ToList();
            await Task.WhenAll(batch);
        }
    }

    /// <summary>Sends one byte a second on every connection still open, until disposed.</summary>
    public void StartTrickle() => _trickling = Task.Run(async () =>
    {
        var position = 0;
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await tick.WaitForNextTickAsync(_stop.Token))
            {
                var b = Trickle.AsMemory(position++ % Trickle.Length, 1);
                foreach (var socket in _sockets.Where(s => !ClosedByServer(s)))
                {
                    try
                    {
                        await socket.SendAsync(b, SocketFlags.None, _stop.Token);
                    }
                    catch (SocketException)
                    {
                        // Closed between the check and the send.
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    });

    /// <summary>The connections the server has closed (at accept over its per-source cap, or at its deadlines).</summary>
    public int ClosedCount() => _sockets.Count(ClosedByServer);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_trickling is not null)
        {
            await _trickling;
        }

        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }

        _stop.Dispose();
    }

    /// <summary>Readable with nothing to read: the peer closed (or reset) the connection.</summary>
    internal static bool ClosedByServer(Socket socket)
    {
        try
        {
            return socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            return true;
        }
    }
}
