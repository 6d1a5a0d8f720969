using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VikaIvr.Speech.Tests.Engines;

/// <summary>
/// A minimal HTTP/1.1 responder on 127.0.0.1 standing in for Azure Speech: records each request
/// (method, path, headers, body) and answers with a configured status and body.
/// </summary>
internal sealed class FakeAzureEndpoint : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FakeAzureEndpoint()
    {
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri Uri => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/cognitiveservices/v1");

    public int Status { get; set; } = 200;
    public byte[] Body { get; set; } = [];
    public TimeSpan Delay { get; set; }
    public List<RecordedRequest> Requests { get; } = [];

    public sealed record RecordedRequest(string Method, string Path, Dictionary<string, string> Headers, string Body);

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (SocketException) { return; }
            _ = Task.Run(() => HandleAsync(client));
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var buffer = new MemoryStream();
            var chunk = new byte[8192];
            int headerEnd;
            while ((headerEnd = IndexOf(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), "\r\n\r\n"u8)) < 0)
            {
                var n = await stream.ReadAsync(chunk, _stop.Token);
                if (n == 0) return;
                buffer.Write(chunk, 0, n);
            }

            var head = Encoding.ASCII.GetString(buffer.GetBuffer(), 0, headerEnd).Split("\r\n");
            var requestLine = head[0].Split(' ');
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in head.Skip(1))
            {
                var colon = line.IndexOf(':');
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }

            var length = headers.TryGetValue("Content-Length", out var cl) ? int.Parse(cl) : 0;
            while (buffer.Length < headerEnd + 4 + length)
            {
                var n = await stream.ReadAsync(chunk, _stop.Token);
                if (n == 0) return;
                buffer.Write(chunk, 0, n);
            }

            var body = Encoding.UTF8.GetString(buffer.GetBuffer(), headerEnd + 4, length);
            lock (Requests) Requests.Add(new RecordedRequest(requestLine[0], requestLine[1], headers, body));

            if (Delay > TimeSpan.Zero) await Task.Delay(Delay, _stop.Token);
            var reply = Status == 200 ? Body : Encoding.ASCII.GetBytes("error");
            var header = $"HTTP/1.1 {Status} X\r\nContent-Type: audio/basic\r\nContent-Length: {reply.Length}\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(header), _stop.Token);
            await stream.WriteAsync(reply, _stop.Token);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException)
        {
        }
    }

    private static int IndexOf(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle) => haystack.IndexOf(needle);

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
