using VikaIvr.Sip.Core.SessionTimers;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transactions;

namespace VikaIvr.Sip.Core;

/// <summary>
/// RFC 4028 session timers on a call we answer: the terms go into each 2xx (INVITE, re-INVITE,
/// UPDATE) and restart the timer; the caller refreshing, we send BYE when no refresh came
/// min(32 s, interval / 3) before the session expires; we refreshing (a caller without timer
/// support), an UPDATE (when the caller allows it) or a re-INVITE with our current SDP goes out at
/// half the interval, and a 408 or 481 to it ends the call. Everything here runs under the session's lock.
/// </summary>
public sealed partial class SipInviteSession
{
    private SipTimer? _sessionTimer;
    private SipBody? _localBody;

    /// <summary>The session-timer terms in force (from the last 2xx we sent), or null when timers are off.</summary>
    public SipSessionTimerTerms? SessionTimer { get; private set; }

    /// <summary>The terms for <paramref name="request"/>; false after answering it 422 (its Session-Expires is below our Min-SE).</summary>
    private bool TryNegotiateTimer(SipRequest request, SipServerTransaction tx, out SipSessionTimerTerms? terms)
    {
        terms = null;
        // Only as the UAS: the calls we place (the test caller) run no timer of their own.
        if (!IsIncoming || _agent.Options.SessionTimers is not { } options)
        {
            return true;
        }

        terms = SipSessionTimerNegotiation.Negotiate(request, options, out int minSe);
        if (terms is null)
        {
            tx.Respond(_agent.CreateIntervalTooSmall(request, minSe, Dialog.LocalTag));
            return false;
        }

        return true;
    }

    /// <summary>A 2xx carrying <paramref name="terms"/> goes out: its headers, and the timer (re)starts.</summary>
    private void ApplyTimer(SipResponse response, SipSessionTimerTerms? terms, SipBody? body)
    {
        _localBody = body ?? _localBody;
        if (terms is null)
        {
            return;
        }

        response.Headers.Add(SipHeaderId.Supported, SipSessionTimerNegotiation.OptionTag);
        response.Headers.Add(SipHeaderId.SessionExpires, _agent.SessionExpiresValues.ValueOf(terms));
        if (terms.PeerSupportsTimer)
        {
            // RFC 4028 9: MUST when the caller refreshes, SHOULD when we do and it understands timers.
            response.Headers.Add(SipHeaderId.Require, SipSessionTimerNegotiation.OptionTag);
        }

        SessionTimer = terms;
        _sessionTimer ??= new SipTimer(Timers, static s => ((SipInviteSession)s).OnSessionTimer(), this);
        _sessionTimer.Start(terms.WeRefresh ? terms.RefreshAfter : terms.ByeAfter);
    }

    private void OnSessionTimer()
    {
        if (State is not (SipCallState.Answered or SipCallState.Confirmed) || SessionTimer is not { } terms)
        {
            return;
        }

        if (!terms.WeRefresh)
        {
            _agent.Log.SessionExpired(CallId, terms.IntervalSeconds);
            Terminate(SipCallEndReason.SessionExpired, SipSessionSide.Local, sendBye: true);
            return;
        }

        SendRefresh(terms);
    }

    /// <summary>We refresh: UPDATE without a body when the caller allows UPDATE, else a re-INVITE offering the SDP we last sent (same version).</summary>
    private void SendRefresh(SipSessionTimerTerms terms)
    {
        bool update = AllowsUpdate(Invite) || _localBody is null;
        var request = Dialog.CreateRequest(update ? SipMethods.Update : SipMethods.Invite);
        // In a request of ours "uac" names its sender: us.
        request.Headers.Add(SipHeaderId.SessionExpires, terms.IntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";refresher=uac");
        request.Headers.Add(SipHeaderId.Supported, SipSessionTimerNegotiation.OptionTag);
        request.Headers.Add(SipHeaderId.Allow, SipUserAgent.AllowedMethods);
        if (!update)
        {
            request.SetBody(_localBody!.Content, _localBody.ContentType);
        }

        var tx = _agent.Transactions.SendRequest(request, Dialog.Flow, _sync);
        _ = tx.Completion.ContinueWith(t => OnRefreshAnswered(request, t.IsCompletedSuccessfully ? t.Result.StatusCode : 408), TaskScheduler.Default);
    }

    private void OnRefreshAnswered(SipRequest request, int status)
    {
        lock (_sync)
        {
            if (State == SipCallState.Ended || SessionTimer is not { } terms)
            {
                return;
            }

            if (status is >= 200 and < 300)
            {
                if (request.Method == SipMethods.Invite)
                {
                    _ack = Dialog.CreateRequest(SipMethods.Ack, request.CSeq!.Number);
                    _agent.Transport.Send(_ack, Dialog.Flow);
                }

                _sessionTimer!.Start(terms.RefreshAfter);
                return;
            }

            if (status is 408 or 481)
            {
                // RFC 3261 12.2.1.2: the dialog is gone (or the caller is).
                _agent.Log.RefreshFailed(CallId, request.Method, status);
                Terminate(SipCallEndReason.SessionExpired, SipSessionSide.Local, status, sendBye: true);
                return;
            }

            // Refused for now (491 glare, 5xx): try again well before the interval runs out.
            _sessionTimer!.Start(TimeSpan.FromSeconds(Math.Max(1, terms.IntervalSeconds / 8)));
        }
    }

    private static bool AllowsUpdate(SipRequest invite)
    {
        foreach (var method in invite.Allow)
        {
            if (method.Trim().Equals(SipMethods.Update, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
