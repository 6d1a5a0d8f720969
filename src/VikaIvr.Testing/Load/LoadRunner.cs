using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;
using VikaIvr.Media.Net;
using VikaIvr.Media.Receive;
using VikaIvr.Sip.Message;
using VikaIvr.Testing.Caller;

namespace VikaIvr.Testing.Load;

/// <summary>
/// `vika load`: places <see cref="LoadOptions.Calls"/> calls at <see cref="LoadOptions.Rate"/> per
/// second through one shared test caller stack (one SIP transport and user agent, one media clock,
/// one media receiver with kernel timestamps), lets each run, and reports as it goes and at the end.
/// </summary>
public sealed partial class LoadRunner(LoadOptions options, ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger<LoadRunner>();
    private int _active;

    /// <summary>Runs the load; <paramref name="live"/> gets a snapshot every <paramref name="liveEvery"/>.</summary>
    public async Task<LoadReport> RunAsync(Action<LoadReport>? live, TimeSpan liveEvery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var local = options.Bind ?? LocalAddressFinder.Find(await TargetAddressAsync(ct).ConfigureAwait(false));
        bool kernelTimestamps = options.KernelTimestamps && MediaReceiver.IsSupported;
        var stackOptions = new TestCallerStackOptions
        {
            RtpPortMin = options.RtpPortMin,
            RtpPortMax = options.RtpPortMax,
            SharedReceiver = true,
            SharedRtpPort = options.SharedRtpPort,
            KernelTimestamps = kernelTimestamps,
            PacerSlots = options.PacerSlots,

            // Batched reads only where the kernel stamps each packet: the timing figures are the kernel's.
            ReceiveBatchInterval = kernelTimestamps ? options.ReceiveBatchInterval : TimeSpan.Zero,
        };
        var results = new LoadResults(options.Calls);
        var started = Stopwatch.GetTimestamp();
        await using var stack = TestCallerStack.Start(local, stackOptions, loggers);
        using var stopLive = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var liveLoop = live is null ? Task.CompletedTask : LiveAsync(results, started, kernelTimestamps, live, liveEvery, stopLive.Token);
        var calls = new List<Task>(options.Calls);
        var interval = TimeSpan.FromSeconds(1 / Math.Max(0.001, options.Rate));
        for (int i = 0; i < options.Calls && !ct.IsCancellationRequested; i++)
        {
            // Placed on a schedule from the start (not after each other), so slow set-ups do not slow the rate.
            var due = interval * i - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(due, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            calls.Add(RunCallAsync(stack, results, ct));
        }

        await Task.WhenAll(calls).ConfigureAwait(false);
        await stopLive.CancelAsync().ConfigureAwait(false);
        await liveLoop.ConfigureAwait(false);
        return results.Snapshot(Stopwatch.GetElapsedTime(started), 0, kernelTimestamps);
    }

    private async Task RunCallAsync(TestCallerStack stack, LoadResults results, CancellationToken ct)
    {
        Interlocked.Increment(ref _active);
        try
        {
            await Task.Yield();
            await new LoadCall(options, results, loggers).RunAsync(stack, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            results.Failed("interrupted");
        }
        catch (Exception ex)
        {
            LogCallFailed(ex);
            results.Failed("error " + ex.GetType().Name);
        }
        finally
        {
            Interlocked.Decrement(ref _active);
        }
    }

    private async Task LiveAsync(LoadResults results, long started, bool kernelTimestamps, Action<LoadReport> live, TimeSpan every, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                live(results.Snapshot(Stopwatch.GetElapsedTime(started), Volatile.Read(ref _active), kernelTimestamps));
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    private async Task<IPAddress> TargetAddressAsync(CancellationToken ct)
    {
        if (!SipUri.TryParse(options.Target, out var uri) || !uri.IsSip)
        {
            throw new ArgumentException($"not a sip: URI: {options.Target}");
        }

        var host = uri.Host.Trim('[', ']');
        return IPAddress.TryParse(host, out var ip) ? ip : (await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false))[0];
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A load call failed unexpectedly")]
    private partial void LogCallFailed(Exception exception);
}
