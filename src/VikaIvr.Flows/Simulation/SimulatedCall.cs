using VikaIvr.Flows.Ports;

namespace VikaIvr.Flows.Simulation;

/// <summary>
/// An <see cref="ICall"/> on a <see cref="VirtualClock"/>: clips take their duration in virtual time
/// (a key cuts them when barge-in is allowed), digits arrive when the script says, collections
/// honour their timeouts in virtual time. It tells its driver when the flow is waiting on it
/// (<see cref="WhenBlocked"/>), so the driver knows when it may move the clock.
/// </summary>
public sealed partial class SimulatedCall : ICall, IDisposable
{
    private readonly object _gate = new();
    private readonly VirtualClock _clock;
    private readonly CancellationTokenSource _ended = new();
    private readonly Queue<char> _digits = new();
    private char _absorbKey;
    private DateTimeOffset _absorbUntil;
    private readonly List<SimulatedEvent> _events = [];
    private TaskCompletionSource _blocked = NewSignal();
    private bool _isBlocked;
    private PendingPlay? _play;
    private PendingCollect? _collect;
    private bool _failNextTransfer;

    public SimulatedCall(VirtualClock clock, string callId, string caller, string called)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        CallId = callId;
        Caller = caller;
        Called = called;
    }

    public string CallId { get; }
    public string Caller { get; }
    public string Called { get; }
    public CancellationToken Ended => _ended.Token;

    /// <summary>Why the call ended: "flow-hangup", "caller-hangup", "transfer"; empty while it lasts.</summary>
    public string EndReason { get; private set; } = "";

    /// <summary>A snapshot of everything that happened so far, in order.</summary>
    public IReadOnlyList<SimulatedEvent> Events
    {
        get { lock (_gate) return [.. _events]; }
    }

    /// <summary>Completes when the flow waits on the call (for time or keys) — never while it is working.</summary>
    public Task WhenBlocked()
    {
        lock (_gate) return _isBlocked || _ended.IsCancellationRequested ? Task.CompletedTask : _blocked.Task;
    }

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
            if (bargeIn && _digits.Count > 0)
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

    public void AbsorbNextKey(char key, TimeSpan window)
    {
        lock (_gate)
        {
            if (_digits.TryPeek(out char queued))
            {
                if (queued == key) _digits.Dequeue();
                return;
            }
            _absorbKey = key;
            _absorbUntil = _clock.GetUtcNow() + window;
        }
    }

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
        End("transfer");
        return Task.FromResult(TransferResult.Accepted("simulated"));
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

            if (_absorbKey != '\0')
            {
                bool absorb = key == _absorbKey && _clock.GetUtcNow() < _absorbUntil;
                _absorbKey = '\0';
                if (absorb) return;
            }

            _digits.Enqueue(key);
            if (_play is { BargeIn: true } play) FinishPlayLocked(play, cut: true);
            if (_collect is { } collect) PumpLocked(collect);
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
        Unblock();
        play.Done.TrySetResult();
    }

    private void End(string reason)
    {
        PendingPlay? play;
        PendingCollect? collect;
        lock (_gate)
        {
            if (_ended.IsCancellationRequested) return;
            if (_record is { } recording) FinishRecordLocked(recording, RecordTermination.Hangup);
            EndReason = reason;
            play = _play;
            collect = _collect;
            _play = null;
            _collect = null;
            play?.Timer?.Dispose();
            collect?.Timer?.Dispose();
            Unblock();
        }

        _ended.Cancel();
        play?.Done.TrySetResult();
        collect?.Done.TrySetResult(DigitResult.HungUp);
        lock (_gate) _blocked.TrySetResult();
    }

    private void Block()
    {
        _isBlocked = true;
        _blocked.TrySetResult();
    }

    private void Unblock()
    {
        if (!_isBlocked) return;
        _isBlocked = false;
        _blocked = NewSignal();
    }

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
