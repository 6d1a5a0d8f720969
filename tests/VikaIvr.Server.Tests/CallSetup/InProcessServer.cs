using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VikaIvr.Data.CallRecords;
using VikaIvr.Server.Hosting.Serve;
using VikaIvr.Server.Hosting.Settings;

namespace VikaIvr.Server.Tests.CallSetup;

/// <summary>
/// `vika serve`'s own host (<see cref="ServeHost"/>) started inside this process on loopback, with
/// the shipped configuration, flow and prompts and a temporary data folder: the whole call set-up
/// path as it runs in production, so one process can count what a call allocates.
/// </summary>
public sealed class InProcessServer : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _dataDir;

    private InProcessServer(IHost host, string dataDir)
    {
        _host = host;
        _dataDir = dataDir;
    }

    /// <summary>Calls from the INVITE until their record is handed to the store.</summary>
    public int ActiveCalls => _host.Services.GetRequiredService<SipStackService>().ActiveCalls;

    /// <summary>Completes once the record writer has written every row queued so far (the calls' open rows).</summary>
    public Task FlushRecordsAsync() =>
        ((BackgroundCallRecordWriter)_host.Services.GetRequiredService<CallRecordWriterService>().Store).FlushAsync(CancellationToken.None);

    /// <summary>Starts the host; <paramref name="sharedRtpPort"/> (even, outside the range): every call's RTP through that one port (Media:SharedRtpPort).</summary>
    public static async Task<InProcessServer> StartAsync(int sipPort, (int Low, int High) rtpPorts, int sharedRtpPort = 0)
    {
        string home = VikaConfiguration.FindHome();
        string dataDir = Directory.CreateTempSubdirectory("vika-alloc-").FullName;
        var configuration = VikaConfiguration.Build(home, null, new Dictionary<string, string?>
        {
            ["Sip:Bind"] = "127.0.0.1",
            ["Sip:Port"] = sipPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // One caller sets the calls up back to back: the per-source flood limit would refuse it.
            ["Sip:MaxCallsPerSourcePerSecond"] = "0",
            ["Sip:MaxCallsPerSecond"] = "0",
            ["Media:RtpPorts"] = FormattableString.Invariant($"{rtpPorts.Low}-{rtpPorts.High}"),
            ["Data:Directory"] = dataDir,
            ["Server:Priority"] = "normal",
            ["Server:StatsSeconds"] = "0",
            ["Admin:Bind"] = "127.0.0.1:0",
            ["Media:SharedRtpPort"] = sharedRtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var host = ServeHost.Build(configuration, home, TimeProvider.System, LogLevel.Warning);
        try
        {
            await host.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new InProcessServer(host, dataDir);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            _host.Dispose();
            try
            {
                Directory.Delete(_dataDir, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}
