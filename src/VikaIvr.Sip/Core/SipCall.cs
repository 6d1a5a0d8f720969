using VikaIvr.Sip.Dialogs;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Core;

/// <summary>
/// One incoming call: the INVITE, its dialog and what the application can do with it.
/// State changes happen under the user agent's gate; notifications to the application are
/// chained so they arrive in order, one at a time, off the receive path.
/// </summary>
public sealed class SipCall
{
    private readonly SipUserAgent _agent;
    private readonly CancellationTokenSource _ended = new();
    private readonly CancellationTokenSource _inviteCancelled = new();
    private Task _events = Task.CompletedTask;

    internal SipCall(SipUserAgent agent, SipRequest invite, SipDialog dialog, SipInviteServerTransaction transaction, SipEndPoint remote)
    {
        _agent = agent;
        Invite = invite;
        Dialog = dialog;
        InviteTransaction = transaction;
        Remote = remote;
        Offer = invite.Body.IsEmpty ? null : new SipBody(invite.ContentType?.ToString() ?? "application/sdp", invite.Body);
        StartedAt = agent.Time.GetUtcNow();
    }

    public string CallId => Dialog.CallId;

    /// <summary>The caller's user part (number), or empty.</summary>
    public string Caller => Dialog.RemoteParty.Uri.UnescapedUser ?? string.Empty;

    /// <summary>The called user part of the Request-URI (the service number).</summary>
    public string Called => Invite.RequestUri.UnescapedUser ?? string.Empty;

    public SipNameAddr From => Dialog.RemoteParty;

    public SipNameAddr To => Dialog.LocalParty;

    public SipRequest Invite { get; }

    /// <summary>The SDP offer of the INVITE, or null for a late-offer INVITE.</summary>
    public SipBody? Offer { get; }

    /// <summary>The address the INVITE came from.</summary>
    public SipEndPoint Remote { get; }

    public DateTimeOffset StartedAt { get; }

    public SipDialog Dialog { get; }

    public SipCallState State { get; internal set; }

    public SipCallEndReason? EndReason { get; private set; }

    /// <summary>Fires when the call ends for any reason.</summary>
    public CancellationToken Ended => _ended.Token;

    internal SipInviteServerTransaction InviteTransaction { get; }

    internal CancellationToken InviteCancelled => _inviteCancelled.Token;

    /// <summary>The INVITE (initial or re-INVITE) whose 2xx waits for its ACK.</summary>
    internal SipInviteServerTransaction? AwaitingAck { get; set; }

    internal bool ReinvitePending { get; set; }

    internal SipTimer? MaxDurationTimer { get; set; }

    internal SipReferState? Refer { get; set; }

    /// <summary>Sends a provisional response (180 Ringing, 183 with early media) before answering.</summary>
    public void SendProvisional(int statusCode = 180, SipBody? body = null) => _agent.SendProvisional(this, statusCode, body);

    /// <summary>Ends the call: BYE once confirmed (or answered), otherwise a 480 to the INVITE.</summary>
    public Task HangupAsync(CancellationToken ct = default) => _agent.HangupAsync(this, ct);

    /// <summary>
    /// Blind transfer with REFER (RFC 3515): completes with the final sipfrag status reported by
    /// NOTIFY (2xx success, 300+ failure), the REFER's own rejection, or 408 on timeout.
    /// </summary>
    public Task<SipTransferResult> TransferAsync(string target, CancellationToken ct = default) => _agent.TransferAsync(this, target, ct);

    public override string ToString() => "SipCall " + CallId;

    /// <summary>Queues an application notification after the previous ones (call under the gate).</summary>
    internal void Notify(Action action, Microsoft.Extensions.Logging.ILogger logger)
    {
        _events = _events.ContinueWith(_ =>
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                Microsoft.Extensions.Logging.LoggerExtensions.LogError(logger, ex, "Sip call handler failed for {CallId}", CallId);
            }
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    /// <summary>Marks the call ended (under the gate); false when it already was.</summary>
    internal bool MarkEnded(SipCallEndReason reason)
    {
        if (State == SipCallState.Ended)
        {
            return false;
        }

        State = SipCallState.Ended;
        EndReason = reason;
        MaxDurationTimer?.Stop();
        return true;
    }

    internal void SignalEnded()
    {
        _inviteCancelled.Cancel();
        _ended.Cancel();
    }
}
