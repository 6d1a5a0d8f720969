using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using VikaIvr.Interop.Tests.Cli;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Sip;

/// <summary>
/// The SIP edge of a real `vika serve` (issue 13): idle TCP connections from one source do not stop
/// a SIPp TCP call from another (the source keeps 32 of its 200); a scanner gets no answer, a Via maddr no reflection, and the
/// security lines the server writes are what the shipped fail2ban filter bans on.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class SipEdgeTests
{
    private const int IdleConnections = 200;

    [Fact]
    public async Task Idle_tcp_connections_from_one_source_do_not_stop_a_tcp_call_from_another()
    {
        await using var server = await ServeDrainTests.StartAsync(drainSeconds: 0, new Dictionary<string, string> { ["VIKA_Sip__TcpFirstMessageSeconds"] = "60" });
        var idle = new List<Socket>();
        try
        {
            for (var i = 0; i < IdleConnections; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                idle.Add(socket);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                await socket.ConnectAsync(server.SipEndPoint);
            }

            var run = new SippRun { Scenario = "uac_call.xml", Transport = "t1", LocalAddress = "127.0.0.2", PauseMs = 1000 };
            var result = await SippRunner.RunAsync(run, server.SipEndPoint);

            Assert.True(result.AllSucceeded(1), result.Describe() + "\n--- server ---\n" + server.Output);

            // The server keeps Sip:MaxTcpConnectionsPerSource (32) of them and closes the rest at accept.
            await ServeDrainTests.WaitUntilAsync(server, () => idle.Count(ClosedByServer) == IdleConnections - 32, TimeSpan.FromSeconds(10),
                "168 of the 200 idle connections closed by the server");
        }
        finally
        {
            foreach (var s in idle)
            {
                s.Dispose();
            }
        }
    }

    [Fact]
    public async Task A_scanner_and_an_enumeration_are_logged_for_fail2ban_and_a_maddr_reflects_nothing()
    {
        await using var server = await ServeDrainTests.StartAsync(drainSeconds: 0);
        using var probe = new UdpClient(new IPEndPoint(IPAddress.Parse("127.0.0.3"), 0));
        using var third = new UdpClient(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
        var local = (IPEndPoint)probe.Client.LocalEndPoint!;

        await probe.SendAsync(Encoding.ASCII.GetBytes(Request("OPTIONS", "165", "scan1", local, "User-Agent: friendly-scanner\r\n")), server.SipEndPoint);
        Assert.Null(await ReceiveAsync(probe, TimeSpan.FromSeconds(2)));

        await probe.SendAsync(Encoding.ASCII.GetBytes(Request("INVITE", "777", "enum1", local, maddr: "127.0.0.2")), server.SipEndPoint);
        var answer = await ReceiveAsync(probe, TimeSpan.FromSeconds(5));
        Assert.StartsWith("SIP/2.0 404", answer);
        Assert.DoesNotContain("\r\nServer:", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Null(await ReceiveAsync(third, TimeSpan.FromSeconds(1)));

        await ServeDrainTests.WaitUntilAsync(server, () => server.Output.Contains("event=unknown-number", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "the unknown-number event");
        var log = Path.Combine(server.DataDir, "serve-sample.log");
        await File.WriteAllTextAsync(log, server.Output);
        var hosts = await Fail2banHostsAsync(log);
        Assert.True(hosts.Count == 2 && hosts.All(h => h == "127.0.0.3"), string.Join(",", hosts) + "\n" + server.Output);
    }

    /// <summary>Readable with nothing to read: the peer closed (or reset) the connection.</summary>
    private static bool ClosedByServer(Socket socket)
    {
        try
        {
            return socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    private static string Request(string method, string user, string branch, IPEndPoint local, string extra = "", string? maddr = null) =>
        $"{method} sip:{user}@127.0.0.1 SIP/2.0\r\n"
        + $"Via: SIP/2.0/UDP {local.Address}:{local.Port}" + (maddr is null ? string.Empty : ";maddr=" + maddr) + $";branch=z9hG4bK{branch};rport\r\n"
        + "Max-Forwards: 70\r\n"
        + $"From: <sip:probe@{local.Address}>;tag=t{branch}\r\n"
        + $"To: <sip:{user}@127.0.0.1>\r\n"
        + $"Call-ID: {branch}@edge\r\n"
        + $"CSeq: 1 {method}\r\n"
        + $"Contact: <sip:probe@{local.Address}:{local.Port}>\r\n"
        + extra
        + "Content-Length: 0\r\n\r\n";

    private static async Task<string?> ReceiveAsync(UdpClient client, TimeSpan wait)
    {
        using var cts = new CancellationTokenSource(wait);
        try
        {
            var received = await client.ReceiveAsync(cts.Token);
            return Encoding.ASCII.GetString(received.Buffer);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    internal static async Task<List<string>> Fail2banHostsAsync(string log)
    {
        var start = new ProcessStartInfo("fail2ban-regex") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-o", "<ip>", log, Path.Combine(RepoPaths.Root, "config", "fail2ban", "filter.d", "vika-sip.conf")])
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("fail2ban-regex did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        Assert.True(process.ExitCode == 0, "fail2ban-regex failed: " + await errors);
        return [.. (await output).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
    }
}
