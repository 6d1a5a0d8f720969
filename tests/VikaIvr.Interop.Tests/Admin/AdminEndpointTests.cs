using System.Globalization;
using System.Net;
using System.Net.Sockets;
using VikaIvr.Interop.Tests.Cli;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Admin;

/// <summary>The admin endpoint of a running server: where it says it is, what it answers, and a taken port.</summary>
[Collection(InteropCollection.Name)]
public sealed class AdminEndpointTests
{
    [Fact]
    public async Task Healthz_answers_ok_and_drain_is_not_implemented_without_a_drain()
    {
        await using var server = await ServerProcess.StartAsync(new ServerOptions());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        using var health = await http.GetAsync(new Uri(server.AdminUrl, "/healthz"));
        using var drain = await http.PostAsync(new Uri(server.AdminUrl, "/admin/drain"), null);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ok", (await health.Content.ReadAsStringAsync()).Trim());
        Assert.Matches(@"admin endpoint on http://127\.0\.0\.1:\d+", server.Output);
        // 501 until the drain (IDrainControl) is registered; 202 once it is.
        Assert.True(drain.StatusCode is HttpStatusCode.NotImplemented or HttpStatusCode.Accepted, drain.StatusCode.ToString());
    }

    [Fact]
    public async Task A_taken_admin_port_stops_serve_with_one_line_naming_admin_bind()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var bind = "127.0.0.1:" + ((IPEndPoint)holder.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
        using var temp = new TempFolder();

        var result = await VikaCli.RunWithEnvironmentAsync(new Dictionary<string, string> { ["VIKA_Admin__Bind"] = bind },
            ["serve", "--bind", "127.0.0.1", "--sip-port", FreePorts.SipPort().ToString(CultureInfo.InvariantCulture), "--data", temp.File("data")]);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith($"vika serve: cannot listen on Admin:Bind {bind}: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.StdErr + result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("VikaIvr listening", result.StdOut, StringComparison.Ordinal);
    }
}
