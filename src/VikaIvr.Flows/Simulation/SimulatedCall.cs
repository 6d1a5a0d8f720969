using VikaIvr.Flows.Digits;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Flows.Simulation;

/// <summary>
/// An <see cref="ICall"/> on a <see cref="VirtualClock"/>: clips take their duration in virtual time
/// (a key cuts them when barge-in is allowed), digits arrive when the script says, collections
/// are collected by the real <see cref="DigitCollector"/> from the real <see cref="DigitQueue"/>, whose
/// timeouts run on the virtual clock. It tells its driver when the flow is waiting on it
/// (<see cref="WhenBlocked"/>), so the driver knows when it may move the clock: every pending
/// operation (a clip, a collection, a recording) moves on only when the clock fires or a key is
/// posted, both on the driver's thread.
/// </summary>
public sealed partial class SimulatedCall : ICall, IDisposable
{
    private readonly object _gate = new();
    private readonly VirtualClock _clock;
    private readonly CancellationTokenSource _ended = new();
    private readonly DigitQueue _digits;
    private readonly List<SimulatedEvent> _events = [];
    private TaskCompletionSource _blocked = NewSignal();
    private PendingPlay? _play;
    private Task<DigitResult>? _collect;
    private bool _failNextTransfer;
    private bool _transferred;

    public SimulatedCall(VirtualClock clock, string callId, string caller, string called)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _digits = new DigitQueue(clock);
        CallId = callId;
        Caller = caller;
        Called = called;
    }

    public string CallId { get; }
    public string Caller { get; }
    public string Called { get; }
    public CancellationToken Ended => _ended.Token;

    /// <summary>Why the call ended: "flow-hangup", "caller-hangup", "transfer" (the server's leg ended after an
    /// accepted transfer), "flow-ended" (the flow ran out of nodes); empty while it lasts.</summary>
    public string EndReason { get; private set; } = "";

    /// <summary>A snapshot of everything that happened so far, in order.</summary>
    public IReadOnlyList<SimulatedEvent> Events
    {
        get { lock (_gate) return [.. _events]; }
    }

    /// <summary>Completes when the flow waits on the call (for time or keys) — never while it is working.</summary>
    public Task WhenBlocked()
    {
        lock (_gate)
        {
            if (IsWaitingLocked || _ended.IsCancellationRequested) return Task.CompletedTask;
            if (_blocked.Task.IsCompleted) _blocked = NewSignal();
            return _blocked.Task;
        }
    }

    /// <summary>The flow waits on the call: a clip plays, an entry is being collected or a recording runs.
    /// A collection's task completes synchronously when a key or its timer ends it.</summary>
    private bool IsWaitingLocked => _play is not null || _record is not null || _collect is { IsCompleted: false };

    /// <summary>The next transfer attempt fails (script statement transfer-fails).</summary>
    public void FailNextTransfer()
    {
        lock (_gate) _failNextTransfer = true;
    }

    /// <summary>Schedules a key at a virtual time.</summary>
    public void PressAt(DateTimeOffset at, char key) => _clock.Schedule(at, () => Deliver(key));

    /// <summary>The caller hangs up now.</summary>
    public void CallerHangup()
    {
        lock (_gate)
        {
            if (_ended.IsCancellationRequested) return;
            Add(new SimulatedEvent(SimulatedEventKind.CallerHangup, _clock.Elapsed, ""));
        }

        End("caller-hangup");
    }

    public Task PlayAsync(AudioClip clip, bool bargeIn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clip);
        ct.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_ended.IsCancellationRequested) return Task.CompletedTask;
            var kind = clip.Kind switch
            {
                AudioClipKind.Speech => SimulatedEventKind.Say,
                AudioClipKind.Recording => SimulatedEventKind.Playback,
                _ => SimulatedEventKind.Prompt,
            };
            var ev = new SimulatedEvent(kind, _clock.Elapsed, kind == SimulatedEventKind.Say ? clip.Text ?? "" : clip.Id)
            {
                Duration = clip.Duration,
            };
            Add(ev);
            if (bargeIn && _digits.HasPending)
            {
                ev.CutAfter = TimeSpan.Zero;
                return Task.CompletedTask;
            }

            if (clip.Duration <= TimeSpan.Zero) return Task.CompletedTask;
            var play = new PendingPlay(ev, bargeIn, _clock.GetUtcNow());
            play.Timer = _clock.ScheduleIn(clip.Duration, () => FinishPlay(play, cut: false));
            _play = play;
            Block();
            return play.Done.Task;
        }
    }

    public void AbsorbNextKey(char key, TimeSpan window) => _digits.AbsorbNext(key, window);

    public Task<TransferResult> TransferAsync(string target, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        bool fail;
        lock (_gate)
        {
            fail = _failNextTransfer;
            _failNextTransfer = false;
            Add(new SimulatedEvent(SimulatedEventKind.Transfer, _clock.Elapsed, target) { Succeeded = !fail });
        }

        if (fail) return Task.FromResult(TransferResult.Failed("simulated: transfer-fails"));
        // The call goes on until the server's leg ends (see EndAfterFlow), as on a real call: the
        // REFER is accepted and notified, then the flow ends and the server sends BYE.
        lock (_gate) _transferred = true;
        return Task.FromResult(TransferResult.Accepted("simulated"));
    }

    /// <summary>
    /// The flow has ended without hanging up (after an accepted transfer, or out of nodes): the server
    /// ends its leg with a BYE, as the real server does when a call's application returns.
    /// </summary>
    public void EndAfterFlow()
    {
        string reason;
        lock (_gate)
        {
            if (_ended.IsCancellationRequested) return;
            Add(new SimulatedEvent(SimulatedEventKind.Hangup, _clock.Elapsed, ""));
            reason = _transferred ? "transfer" : "flow-ended";
        }

        End(reason);
    }

    public Task HangupAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            if (_ended.IsCancellationRequested) return Task.CompletedTask;
            Add(new SimulatedEvent(SimulatedEventKind.Hangup, _clock.Elapsed, ""));
        }

        End("flow-hangup");
        return Task.CompletedTask;
    }

    public void Dispose() => _ended.Dispose();

    private void Deliver(char key)
    {
        lock (_gate)
        {
            if (_ended.IsCancellationRequested) return;
            Add(new SimulatedEvent(SimulatedEventKind.Digit, _clock.Elapsed, key.ToString()));
            if (_record is { } recording)
            {
                // Keys while recording are not queued: a terminator ends it, others are ignored.
                if (recording.Options.Terminators.Contains(key)) FinishRecordLocked(recording, RecordTermination.Terminator);
                return;
            }

            // The call's digit queue: absorbs, queues for type-ahead, or hands the key to the collection.
            if (!_digits.Post(key, DtmfSource.Rfc4733)) return;
            if (_play is { BargeIn: true } play) FinishPlayLocked(play, cut: true);
        }
    }

    private void FinishPlay(PendingPlay play, bool cut)
    {
        lock (_gate) FinishPlayLocked(play, cut);
    }

    private void FinishPlayLocked(PendingPlay play, bool cut)
    {
        if (_play != play) return;
        _play = null;
        play.Timer?.Dispose();
        if (cut) play.Event.CutAfter = _clock.GetUtcNow() - play.StartedAt;
        play.Done.TrySetResult();
    }

    private void End(string reason)
    {
        PendingPlay? play;
        lock (_gate)
        {
            if (_ended.IsCancellationRequested) return;
            if (_record is { } recording) FinishRecordLocked(recording, RecordTermination.Hangup);
            EndReason = reason;
            play = _play;
            _play = null;
            play?.Timer?.Dispose();
        }

        // Ends a collection as a hangup (its registration on Ended), as on a real call.
        _ended.Cancel();
        _digits.Complete();
        play?.Done.TrySetResult();
        lock (_gate) _blocked.TrySetResult();
    }

    /// <summary>The flow now waits on the call (called under the lock when an operation stays pending).</summary>
    private void Block() => _blocked.TrySetResult();

    private void Add(SimulatedEvent ev) => _events.Add(ev);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class PendingPlay(SimulatedEvent ev, bool bargeIn, DateTimeOffset startedAt)
    {
        public SimulatedEvent Event { get; } = ev;
        public bool BargeIn { get; } = bargeIn;
        public DateTimeOffset StartedAt { get; } = startedAt;
        public IDisposable? Timer { get; set; }
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
