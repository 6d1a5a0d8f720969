using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace VikaIvr.Server.Hosting.Service;

/// <summary>
/// `serve`'s signals, in place of the console lifetime (which stops at once on SIGTERM): the first
/// SIGTERM (systemd, Docker, Kubernetes) begins the drain, a second one cuts it short. SIGINT
/// (Ctrl+C) and SIGQUIT keep the immediate graceful stop a person at a terminal expects: every call
/// gets its BYE, every record is written. The host builds its lifetime with itself, before the
/// settings are checked, so the drain (and the SIP stack it needs) is resolved on the first signal.
/// </summary>
public sealed class ServeLifetime(IHostApplicationLifetime lifetime, IServiceProvider services) : IHostLifetime, IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _terms;

    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnTerminate));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnInterrupt));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGQUIT, OnInterrupt));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _registrations.Clear();
    }

    private void OnTerminate(PosixSignalContext context)
    {
        // The process does not end on the signal: the drain, then the host's stop, end it.
        context.Cancel = true;
        DrainService drain;
        try
        {
            drain = services.GetRequiredService<DrainService>();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            // No drain to run (the host failed to start, or is gone): stop as the console lifetime would.
            lifetime.StopApplication();
            return;
        }

        if (Interlocked.Increment(ref _terms) == 1)
        {
            drain.BeginDrain("SIGTERM");
        }
        else
        {
            drain.CutNow("second SIGTERM");
        }
    }

    private void OnInterrupt(PosixSignalContext context)
    {
        context.Cancel = true;
        lifetime.StopApplication();
    }
}
