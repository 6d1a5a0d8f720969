using VikaIvr.Flows.Digits;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Flows.Simulation;

public sealed partial class SimulatedCall
{
    /// <summary>The real collector on the call's digit queue; its timeouts run on the virtual clock.</summary>
    public Task<DigitResult> CollectDigitsAsync(DigitOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ct.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_ended.IsCancellationRequested) return Task.FromResult(DigitResult.HungUp);
            var collect = CollectCoreAsync(options, ct);
            _collect = collect;
            if (!collect.IsCompleted) Block();
            return collect;
        }
    }

    private Task<DigitResult> CollectCoreAsync(DigitOptions options, CancellationToken ct)
    {
        // One token for the flow's cancellation and the call's end; the collector's registration ends
        // the entry as a hangup synchronously when either fires.
        var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _ended.Token);
        var result = DigitCollector.CollectAsync(_digits, options, linked.Token);
        if (result.IsCompleted)
        {
            linked.Dispose();
            return result;
        }

        _ = result.ContinueWith(static (_, s) => ((CancellationTokenSource)s!).Dispose(), linked,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return result;
    }
}
