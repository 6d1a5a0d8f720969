using System.Net;
using System.Net.Sockets;
using System.Text;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Sip;

/// <summary>
/// RFC 4475's torture messages fired at the running server over UDP: it never crashes or
/// wedges, and still answers OPTIONS afterwards. The corpus is the one the SIP unit tests use.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class TortureTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Every_torture_message_leaves_the_server_answering_options()
    {
        var server = fixture.Server;
        var files = TortureFiles();
        Assert.True(files.Count > 0, $"no RFC 4475 messages under {RepoPaths.TortureDir}");

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var answers = new StringBuilder();
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            await socket.SendToAsync(bytes, SocketFlags.None, server.SipEndPoint);
            var status = await FirstStatusAsync(socket, TimeSpan.FromMilliseconds(300));
            answers.AppendLine($"{Path.GetFileName(file)} -> {status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer"}");
            Assert.False(server.HasExited, $"the server died on {Path.GetFileName(file)}\n{answers}\n{server.Output}");
        }

        Assert.True(await server.AnswersOptionsAsync(TimeSpan.FromSeconds(5)), answers + "\n" + server.Output);
    }

    private static List<string> TortureFiles()
    {
        if (!Directory.Exists(RepoPaths.TortureDir))
        {
            return [];
        }

        var files = new List<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.TortureDir))
        {
            var name = Path.GetFileName(file);
            var extension = Path.GetExtension(file);
            if (!name.StartsWith("manifest", StringComparison.OrdinalIgnoreCase) && extension is not ".md" and not ".json" and not ".cs" and not ".txt")
            {
                files.Add(file);
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static async Task<int?> FirstStatusAsync(Socket socket, TimeSpan wait)
    {
        var buffer = new byte[65535];
        using var cts = new CancellationTokenSource(wait);
        try
        {
            var received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cts.Token);
            return SipOptionsProbe.ParseStatus(Encoding.ASCII.GetString(buffer, 0, received.ReceivedBytes));
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (SocketException)
        {
            return null;
        }
    }
}
