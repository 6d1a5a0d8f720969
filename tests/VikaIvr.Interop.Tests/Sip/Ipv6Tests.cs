using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Sip;

/// <summary>
/// The server bound to ::1 only (`serve --bind ::1`): a SIPp caller over IPv6 completes
/// INVITE/200/ACK/BYE over UDP and TCP, and the server's answer offers media at an IPv6
/// address (the scenario tests/sipp/ipv6/uac_call_ip6.xml fails the call otherwise).
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class Ipv6Tests(Ipv6Tests.Ipv6Server fixture) : IClassFixture<Ipv6Tests.Ipv6Server>
{
    [Theory]
    [InlineData("u1")]
    [InlineData("t1")]
    public async Task A_sipp_call_over_ipv6_completes_with_an_ipv6_sdp_answer(string transport)
    {
        var port = fixture.Port;
        var work = Directory.CreateTempSubdirectory("vika-sipp-ip6-").FullName;
        var messages = Path.Combine(work, "messages.log");
        try
        {
            var result = await ProcessRunner.RunAsync("sipp",
            [
                "-sf", Path.Combine(RepoPaths.SippDir, "ipv6", "uac_call_ip6.xml"),
                "-t", transport, "-i", "::1",
                "-p", FreePorts.SipPort().ToString(CultureInfo.InvariantCulture),
                "-mp", FreePorts.UdpPort().ToString(CultureInfo.InvariantCulture),
                "-s", "165", "-m", "1", "-d", "300",
                "-timeout", "20s", "-timeout_error", "-nostdin",
                "-trace_msg", "-message_file", messages,
                FormattableString.Invariant($"[::1]:{port}"),
            ], TimeSpan.FromSeconds(35), RepoPaths.SippDir);
            var log = File.Exists(messages) ? await File.ReadAllTextAsync(messages) : string.Empty;
            var context = result.Describe() + "\n--- messages ---\n" + Tail(log) + "\n--- server ---\n" + Tail(fixture.Output);

            Assert.True(result.ExitCode == 0, context);
            var answer = ServerAnswer(log);
            Assert.True(answer is not null, "no 200 OK with SDP in the SIPp message log\n" + context);
            Assert.Contains("c=IN IP6 ::1", answer, StringComparison.Ordinal);
            Assert.DoesNotContain("IN IP4", answer, StringComparison.Ordinal);
            Assert.Contains("BYE sip:", log, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The first 200 OK carrying SDP, as SIPp logged it.</summary>
    private static string? ServerAnswer(string log)
    {
        var at = 0;
        while ((at = log.IndexOf("SIP/2.0 200 OK", at, StringComparison.Ordinal)) >= 0)
        {
            var end = log.IndexOf("----------", at, StringComparison.Ordinal);
            var message = end < 0 ? log[at..] : log[at..end];
            if (message.Contains("v=0", StringComparison.Ordinal))
            {
                return message;
            }

            at += 14;
        }

        return null;
    }

    private static string Tail(string text) => text.Length <= 6000 ? text : "…" + text[^6000..];

    /// <summary>`vika serve --bind ::1` on its own ports, ready once it answers OPTIONS over IPv6 UDP.</summary>
    public sealed class Ipv6Server : IAsyncLifetime
    {
        private readonly StringBuilder _output = new();
        private Process? _process;
        private string? _dataDir;

        public int Port { get; private set; }

        public string Output
        {
            get { lock (_output) { return _output.ToString(); } }
        }

        public async Task InitializeAsync()
        {
            Port = FreePorts.SipPort();
            var rtp = FreePorts.RtpRange();
            _dataDir = Directory.CreateTempSubdirectory("vika-interop-ip6-").FullName;
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = RepoPaths.Root,
            };
            foreach (var argument in new[]
            {
                RepoPaths.VikaDll, "serve", "--bind", "::1", "--sip-port", Port.ToString(CultureInfo.InvariantCulture),
                "--rtp-ports", FormattableString.Invariant($"{rtp.Low}-{rtp.High}"), "--data", _dataDir,
            })
            {
                info.ArgumentList.Add(argument);
            }

            info.Environment["VIKA_HOME"] = RepoPaths.Root;
            info.Environment["VIKA_Admin__Bind"] = ServerProcess.AnyAdminPort;
            _process = new Process { StartInfo = info };
            _process.OutputDataReceived += (_, e) => Append(e.Data);
            _process.ErrorDataReceived += (_, e) => Append(e.Data);
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(45);
            while (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                if (await AnswersOptionsAsync())
                {
                    return;
                }

                await Task.Delay(200);
            }

            throw new InvalidOperationException($"vika serve --bind ::1 did not answer OPTIONS on [::1]:{Port}\n{Output}");
        }

        public async Task DisposeAsync()
        {
            if (_process is not null)
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                }

                _process.Dispose();
            }

            if (_dataDir is not null)
            {
                Directory.Delete(_dataDir, recursive: true);
            }
        }

        private async Task<bool> AnswersOptionsAsync()
        {
            using var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
            var local = (IPEndPoint)socket.LocalEndPoint!;
            var callId = Guid.NewGuid().ToString("N");
            var request =
                $"OPTIONS sip:[::1]:{Port} SIP/2.0\r\nVia: SIP/2.0/UDP [::1]:{local.Port};branch=z9hG4bK{callId[..12]};rport\r\n" +
                $"Max-Forwards: 70\r\nFrom: <sip:probe@[::1]:{local.Port}>;tag={callId[..8]}\r\nTo: <sip:[::1]:{Port}>\r\n" +
                $"Call-ID: {callId}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
            await socket.SendToAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None, new IPEndPoint(IPAddress.IPv6Loopback, Port));
            var buffer = new byte[65535];
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            try
            {
                var received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.IPv6Any, 0), cts.Token);
                return SipOptionsProbe.ParseStatus(Encoding.ASCII.GetString(buffer, 0, received.ReceivedBytes)) == 200;
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException)
            {
                return false;
            }
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
