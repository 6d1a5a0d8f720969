using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Time.Testing;
using VikaIvr.Sip.Core;
using VikaIvr.Sip.Tests.Core;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Tests.Edge;

/// <summary>
/// The shipped fail2ban filter (config/fail2ban/filter.d/vika-sip.conf) against lines the real
/// user agent writes through the console logger `vika serve` uses, checked by the real fail2ban-regex.
/// </summary>
public sealed class SipFail2banFilterTests : IDisposable
{
    private static readonly SipEndPoint Scanner = Udp("198.51.100.7", 5070);
    private static readonly SipEndPoint Flooder = Udp("203.0.113.9", 5080);
    private static readonly SipEndPoint Trunk = Udp("198.51.100.8", 5060);
    private readonly string _dir = Directory.CreateTempSubdirectory("vika-f2b-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task The_filter_matches_each_security_event_and_takes_the_transport_source()
    {
        var log = Path.Combine(_dir, "vika.log");
        var lines = ServerLines();
        await File.WriteAllTextAsync(log, lines);
        // Warning lines that are not events (the refusal summary) are in the file too, and must not match.
        Assert.Contains(" warn: VikaIvr.Sip.Core.SipUserAgent[40] Sip refused ", lines, StringComparison.Ordinal);
        var filter = Path.Combine(RepoRoot(), "config", "fail2ban", "filter.d", "vika-sip.conf");

        // -o <ip>: one line per matched log line, the host the filter took from it (a run costs ~5 s of Python start-up).
        var output = await Fail2banRegexAsync(log, filter, "-o", "<ip>");
        var hosts = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        Assert.All(hosts, h => Assert.True(IPAddress.TryParse(h, out _), "not a host: " + h + "\n" + output));

        // 3 scanner requests + 2 INVITEs to an unknown number from one source, 1 ban of a flooder; nothing from the trunk.
        Assert.Equal(5, hosts.Count(h => h == "198.51.100.7"));
        Assert.Equal(1, hosts.Count(h => h == "203.0.113.9"));
        Assert.Equal(6, hosts.Count);
    }

    /// <summary>What `vika serve` would write: the same console formatter and options as ServeHost.</summary>
    private static string ServerLines()
    {
        var captured = new StringWriter();
        var original = Console.Out;
        Console.SetOut(captured);
        try
        {
            using (var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Information).AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
                o.ColorBehavior = LoggerColorBehavior.Disabled;
            })))
            {
                DriveAgent(factory.CreateLogger<SipUserAgent>());
            }

            return captured.ToString();
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    private static void DriveAgent(ILogger<SipUserAgent> logger)
    {
        var transport = new InMemorySipTransport();
        var options = new SipUserAgentOptions { Admission = new() { MaxRequestsPerSourcePerSecond = 10, SourceBan = TimeSpan.FromSeconds(60) } };
        var agent = new SipUserAgent(transport, options, new SipTimerOptions(), new FakeTimeProvider(), logger);
        agent.Start();
        for (var i = 0; i < 3; i++)
        {
            transport.Inject(SipTestMessages.Options(branch: "z9hG4bKscan" + i, extra: "User-Agent: friendly-scanner\r\n"), Scanner);
        }

        for (var i = 0; i < 2; i++)
        {
            transport.Inject(SipTestMessages.Invite(user: "1659" + i, branch: "z9hG4bKenum" + i, callId: "enum" + i), Scanner);
        }

        for (var i = 0; i < 15; i++)
        {
            transport.Inject(SipTestMessages.Options(branch: "z9hG4bKflood" + i), Flooder);
        }

        // Neither an ordinary request nor garbage is a security event.
        transport.Inject(SipTestMessages.Options(branch: "z9hG4bKtrunk"), Trunk);
        transport.Inject("garbage\r\n\r\n", Trunk);
        agent.Admission.Refusals.Flush();
        Assert.Equal(2, transport.Responses(404).Count);
    }

    private static async Task<string> Fail2banRegexAsync(string log, string filter, params string[] extra)
    {
        var start = new ProcessStartInfo("fail2ban-regex") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in extra)
        {
            start.ArgumentList.Add(a);
        }

        start.ArgumentList.Add(log);
        start.ArgumentList.Add(filter);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("fail2ban-regex did not start (apt-get install fail2ban)");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        Assert.True(process.ExitCode == 0, "fail2ban-regex failed: " + await errors);
        return await output;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "VikaIvr.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("VikaIvr.sln not found above " + AppContext.BaseDirectory);
    }

    private static SipEndPoint Udp(string address, int port) => new(SipTransportProtocol.Udp, new IPEndPoint(IPAddress.Parse(address), port));
}
