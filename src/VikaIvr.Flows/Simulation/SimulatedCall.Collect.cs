using System.Text;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Flows.Simulation;

public sealed partial class SimulatedCall
{
    public Task<DigitResult> CollectDigitsAsync(DigitOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ct.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_ended.IsCancellationRequested) return Task.FromResult(DigitResult.HungUp);
            var collect = new PendingCollect(options);
            _collect = collect;
            PumpLocked(collect);
            if (!collect.Done.Task.IsCompleted) Block();
            return collect.Done.Task;
        }
    }

    /// <summary>Takes queued keys into the entry; completes it, or (re)arms the right timeout.</summary>
    private void PumpLocked(PendingCollect c)
    {
        var o = c.Options;
        while (_digits.Count > 0)
        {
            char key = _digits.Dequeue();
            bool first = c.FirstKey;
            c.FirstKey = false;
            if (o.Terminators.Contains(key))
            {
                if (first && o.DiscardLeadingTerminator) continue;
                Complete(c, DigitTermination.Terminator);
                return;
            }

            c.Buffer.Append(key);
            if (c.Buffer.Length >= o.MaxDigits)
            {
                Complete(c, DigitTermination.MaxDigits);
                return;
            }
        }

        c.Timer?.Dispose();
        bool empty = c.Buffer.Length == 0;
        c.Timer = _clock.ScheduleIn(empty ? o.FirstDigitTimeout : o.InterDigitTimeout, () =>
        {
            lock (_gate)
            {
                if (_collect == c) Complete(c, c.Buffer.Length == 0 ? DigitTermination.NoInput : DigitTermination.InterDigitTimeout);
            }
        });
    }

    private void Complete(PendingCollect c, DigitTermination why)
    {
        _collect = null;
        c.Timer?.Dispose();
        Unblock();
        c.Done.TrySetResult(new DigitResult(c.Buffer.ToString(), why));
    }

    private sealed class PendingCollect(DigitOptions options)
    {
        public DigitOptions Options { get; } = options;
        public StringBuilder Buffer { get; } = new();
        public bool FirstKey { get; set; } = true;
        public IDisposable? Timer { get; set; }
        public TaskCompletionSource<DigitResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
