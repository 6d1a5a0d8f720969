using System.Threading.Channels;
using VikaIvr.Sip.Core.Outgoing;
using VikaIvr.Sip.Dialogs;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Core;

/// <summary>
/// One call, answering or calling side (pjsip's invite session, diago's dialog session): it owns
/// its dialog and its state machine and hands the application awaitables. Concurrency contract:
/// every state change happens inside the session under its own lock, which its transactions and
/// timers share (so a retransmission, a timer and an application call never race); nothing is
/// held across sessions, and the application is only ever resumed off that lock — through
/// tasks and channels that run their continuations asynchronously.
/// </summary>
public sealed partial class SipInviteSession : ISipInviteServerUser
{
    private readonly SipUserAgent _agent;
    private readonly Lock _sync;
    private readonly CancellationTokenSource _ended = new();
    private readonly TaskCompletionSource<SipSessionEnd> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Made on first use (an INFO, or the application asking for the reader): most calls never see an
    // INFO. Bounded (an unbounded channel starts with a 32-slot segment, ~2 KB); a peer that sends more
    // keys than this unread loses the newest.
    private Channel<SipBody>? _infos;
    private ISipInfoSink? _infoSink;
    private int _infosClosed;
    private SipTimerGroup? _timers;
    private string? _caller;

    private SipInviteSession(SipUserAgent agent, Lock sync, SipDialog dialog, SipRequest invite, SipEndPoint remote, SipCallState state)
    {
        _agent = agent;
        _sync = sync;
        Dialog = dialog;
        Invite = invite;
        Remote = remote;
        State = state;
        StartedAt = agent.Time.GetUtcNow();
        _acknowledged = new TaskCompletionSource<SipBody?>(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public string CallId => Dialog.CallId;

    /// <summary>True for a call we answer, false for one we placed.</summary>
    public bool IsIncoming => !Dialog.IsUac;

    /// <summary>The calling party's user part (number), or empty.</summary>
    public string Caller => _caller ??= (IsIncoming ? Dialog.RemoteUser : Dialog.LocalParty.Uri.User) is { } user ? SipText.Unescape(user) : string.Empty;

    /// <summary>The called user part of the INVITE's Request-URI (the service number).</summary>
    public string Called => Invite.UnescapedRequestUser ?? string.Empty;

    /// <summary>The INVITE that started the session (received or sent).</summary>
    public SipRequest Invite { get; }

    /// <summary>The peer's address: where the INVITE came from, or where we sent it.</summary>
    public SipEndPoint Remote { get; }

    public DateTimeOffset StartedAt { get; }

    public SipCallState State { get; private set; }

    /// <summary>How the session ended, once it has.</summary>
    public SipSessionEnd? EndedWith { get; private set; }

    public SipCallEndReason? EndReason => EndedWith?.Reason;

    /// <summary>Fires when the session ends for any reason (a CANCEL before the answer included).</summary>
    public CancellationToken Ended => _ended.Token;

    /// <summary>Completes when the session ends, after <see cref="Ended"/> fired.</summary>
    public Task<SipSessionEnd> Completion => _completion.Task;

    /// <summary>
    /// Bodies of the INFO requests the peer sent (already answered 200), in order; completes when the
    /// session ends. Empty when the bodies go to a sink (<see cref="DeliverInfosTo"/>).
    /// </summary>
    public ChannelReader<SipBody> Infos => InfoChannel.Reader;

    /// <summary>
    /// Hands the INFO bodies that arrive from now on to <paramref name="sink"/> instead of
    /// <see cref="Infos"/> (no channel is made for them).
    /// </summary>
    public void DeliverInfosTo(ISipInfoSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        Volatile.Write(ref _infoSink, sink);
    }

    /// <summary>INFO bodies held for the application before the newest are dropped.</summary>
    public const int MaxUnreadInfos = 256;

    /// <summary>Answers the peer's re-INVITEs (hold, new media). Unset: 488.</summary>
    public ISipReinviteHandler? ReinviteHandler { get; set; }

    internal SipDialog Dialog { get; }

    /// <summary>The INFO channel, made on first use; one made after the session ended is completed at once.</summary>
    private Channel<SipBody> InfoChannel
    {
        get
        {
            if (Volatile.Read(ref _infos) is { } channel)
            {
                return channel;
            }

            var made = Channel.CreateBounded<SipBody>(
                new BoundedChannelOptions(MaxUnreadInfos) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.DropWrite });
            channel = Interlocked.CompareExchange(ref _infos, made, null) ?? made;
            if (Volatile.Read(ref _infosClosed) != 0)
            {
                channel.Writer.TryComplete();
            }

            return channel;
        }
    }

    /// <summary>
    /// The session's own timers (call duration, session refresh): on the timer of the INVITE it
    /// answers (the same lock), else on one of its own, made on first use.
    /// </summary>
    private SipTimerGroup Timers => _timers ??= _serverInvite?.Timers ?? new SipTimerGroup(_agent.Time, _sync);

    public override string ToString() => "SipInviteSession " + CallId;

    /// <summary>Ends the call: BYE once answered, a 480 to an INVITE not answered yet, CANCEL while our own INVITE rings.</summary>
    public Task HangupAsync(CancellationToken ct = default) => IsIncoming ? HangupIncomingAsync(SipCallEndReason.LocalBye, ct) : HangupOutgoingAsync(ct);

    /// <summary>Ends an answered call with BYE like <see cref="HangupAsync(CancellationToken)"/>, ending it with <paramref name="reason"/> (a dead-call check's MediaTimeout) instead of LocalBye.</summary>
    public Task HangupAsync(SipCallEndReason reason, CancellationToken ct = default) => IsIncoming ? HangupIncomingAsync(reason, ct) : HangupOutgoingAsync(ct);

    /// <summary>A request from the peer inside this dialog; creates its transaction under the session's lock.</summary>
    internal void OnRequest(SipRequest request, SipEndPoint source)
    {
        lock (_sync)
        {
            var tx = _agent.Transactions.CreateServer(request, source, _sync);
            if (!ReferenceEquals(tx.Request, request) || _agent.Refused(request, tx))
            {
                return;
            }

            OnInDialogRequest(request, tx);
        }
    }

    /// <summary>Ends the session (under the lock): forget it, optionally say BYE, then tell the application off the lock.</summary>
    private SipClientTransaction? Terminate(SipCallEndReason reason, SipSessionSide side, int status = 0, bool sendBye = false, SipResponse? final = null)
    {
        if (State == SipCallState.Ended)
        {
            return null;
        }

        State = SipCallState.Ended;
        EndedWith = new SipSessionEnd(reason, side, status);
        if (_out is { } placed)
        {
            placed.FinalOnEnd = final;
        }

        _maxDuration?.Stop();
        _sessionTimer?.Stop();
        CompleteRefer(new SipTransferResult(false, 487, "Call ended before the transfer completed"));
        _agent.Forget(this);
        SipClientTransaction? bye = null;
        if (sendBye)
        {
            bye = _agent.Transactions.SendRequest(Dialog.CreateRequest(SipMethods.Bye), Dialog.Flow, _sync);
            Report(SipOutgoingEventKind.ByeSent, 0, string.Empty);
        }

        _agent.Log.SessionEnded(CallId, EndedWith);
        ThreadPool.UnsafeQueueUserWorkItem(static s => s.SignalEnded(), this, preferLocal: false);
        return bye;
    }

    /// <summary>Off the lock: the token first, so whoever awaits a task below sees the session over.</summary>
    private void SignalEnded()
    {
        _ended.Cancel();
        Volatile.Read(ref _infoSink)?.OnSessionEnded();
        _acknowledged.TrySetCanceled();
        Interlocked.Exchange(ref _infosClosed, 1);
        Volatile.Read(ref _infos)?.Writer.TryComplete();
        if (_out is { } placed)
        {
            placed.Result.TrySetResult(placed.FinalOnEnd ?? new SipResponse(487, "Request Terminated"));
            placed.Events.Writer.TryComplete();
        }

        _completion.TrySetResult(EndedWith!);
    }
}
