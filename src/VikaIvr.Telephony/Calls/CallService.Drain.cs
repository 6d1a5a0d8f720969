using System.Collections.Concurrent;

namespace VikaIvr.Telephony.Calls;

/// <summary>The drain (stop taking calls, let the live ones end, then cut the rest) and the BYEs the stop does not wait on per call.</summary>
public sealed partial class CallService
{
    private readonly ConcurrentDictionary<Task, byte> _byes = new();
    private volatile bool _draining;
    private TaskCompletionSource? _emptied;
    private int _cut;

    /// <summary>True once <see cref="DrainAsync"/> began: new calls get 503 with Retry-After.</summary>
    public bool IsDraining => _draining;

    /// <summary>
    /// The drain: from now on new calls get 503 with Retry-After; the calls in progress go on until
    /// they end by themselves, <paramref name="within"/> passes or <paramref name="cut"/> fires; then
    /// the rest are ended as by <see cref="HangupAllAsync"/> (BYE, records written). Returns how
    /// many ended by themselves and how many were cut.
    /// </summary>
    public async Task<CallDrainResult> DrainAsync(TimeSpan within, CancellationToken cut, CancellationToken ct = default)
    {
        var emptied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int atStart;
        lock (_admission)
        {
            // Under the admission lock: no call joins after this, so "empty" below is final.
            _draining = true;
            Volatile.Write(ref _emptied, emptied);
            atStart = _live.Count;
        }

        if (_live.IsEmpty)
        {
            emptied.TrySetResult();
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cut, ct);
        try
        {
            await emptied.Task.WaitAsync(within, _time, stop.Token).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Drain time is up: the rest are cut below.
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Cut at once (a second SIGTERM).
        }

        int cutBefore = Volatile.Read(ref _cut);
        await HangupAllAsync(ct).ConfigureAwait(false);
        int cutCalls = Volatile.Read(ref _cut) - cutBefore;
        return new CallDrainResult(Math.Max(0, atStart - cutCalls), cutCalls);
    }

    /// <summary>A call left the live set: the drain waits for the last one.</summary>
    private void OnCallGone()
    {
        if (_draining && _live.IsEmpty)
        {
            Volatile.Read(ref _emptied)?.TrySetResult();
        }
    }

    /// <summary>
    /// A BYE in flight: the call's media and record do not wait for its answer (up to 32 s from a
    /// vanished UDP peer); only the stop waits, briefly, so its retransmissions still go out.
    /// </summary>
    private void TrackBye(string callId, Task bye)
    {
        if (bye.IsCompleted)
        {
            ObserveBye(callId, bye);
            return;
        }

        _byes.TryAdd(bye, 0);
        _ = bye.ContinueWith(
            (t, state) =>
            {
                var (service, id) = ((CallService, string))state!;
                service._byes.TryRemove(t, out _);
                service.ObserveBye(id, t);
            },
            (this, callId), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void ObserveBye(string callId, Task bye)
    {
        if (bye.Exception is { } ex)
        {
            LogHangupFailed(callId, ex.InnerException?.Message ?? ex.Message);
        }
    }

    private async Task WaitForByesAsync(CancellationToken ct)
    {
        if (_byes.IsEmpty)
        {
            return;
        }

        try
        {
            await Task.WhenAll(_byes.Keys).WaitAsync(TimeSpan.FromSeconds(2), _time, ct).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Peers that do not answer a BYE are not waited for longer; a failed BYE was logged by its call.
        }
    }
}
