using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Transactions;

/// <summary>
/// RFC 3261 17.2.1 with RFC 6026. Proceeding: 100 Trying at once or after a short delay,
/// retransmitted INVITEs get the last provisional. Accepted (2xx): the 2xx is retransmitted at
/// T1, 2T1... up to T2 until the ACK is reported; no ACK within 64*T1 raises
/// <see cref="AckTimedOut"/>; timer L ends the transaction. Completed (300-699): timer G
/// retransmits, timer H gives up, the ACK leads to Confirmed and timer I.
/// </summary>
public sealed class SipInviteServerTransaction : SipServerTransaction
{
    // Two timers, each serving two RFC roles that never run at once: the 100 Trying delay before any
    // response, then the retransmission of the final one (timer G, or T1.. for a 2xx); the wait for the
    // ACK (timer H, 64*T1), then the lingering after it (timers I and L), told apart by _lingering.
    private readonly SipTimer _retransmit;
    private readonly SipTimer _timeout;
    private TimeSpan _interval;
    private bool _lingering;

    internal SipInviteServerTransaction(SipTransactionLayer layer, SipTransactionKey key, SipRequest request, SipEndPoint source, Lock? sync)
        : base(layer, key, request, source, sync)
    {
        State = SipTransactionState.Proceeding;
        _retransmit = CreateTimer(static tx => ((SipInviteServerTransaction)tx).OnRetransmitTimer());
        _timeout = CreateTimer(static tx => ((SipInviteServerTransaction)tx).OnTimeout());
        if (layer.Timers.TryingDelay <= TimeSpan.Zero)
        {
            SendTrying();
        }
        else
        {
            _retransmit.Start(layer.Timers.TryingDelay);
        }
    }

    /// <summary>Raised (under the transaction's lock) when a final response was never acknowledged: timer H, or 64*T1 for a 2xx.</summary>
    public event Action<SipInviteServerTransaction>? AckTimedOut;

    /// <summary>The session answering this INVITE: told of a CANCEL and of a missing ACK (under the transaction's lock).</summary>
    internal ISipInviteServerUser? User { get; set; }

    /// <summary>True once the ACK for the final response arrived.</summary>
    public bool Acknowledged { get; private set; }

    private protected override void OnRespond(SipResponse response)
    {
        if (State != SipTransactionState.Proceeding)
        {
            return;
        }

        _retransmit.Stop();
        Transmit(response);
        Layer.Metrics?.InviteResponse(response.StatusCode);
        if (response.StatusCode < 200)
        {
            return;
        }

        _interval = Layer.Timers.T1;
        if (response.StatusCode < 300)
        {
            State = SipTransactionState.Accepted;
            // Retransmission of the 2xx is needed over TCP too: the ACK is end-to-end (RFC 3261 13.3.1.4).
            _retransmit.Start(_interval);
            _timeout.Start(Layer.Timers.TransactionTimeout);
            return;
        }

        State = SipTransactionState.Completed;
        if (!Source.IsReliable)
        {
            _retransmit.Start(_interval);
        }

        _timeout.Start(Layer.Timers.TransactionTimeout);
    }

    /// <summary>The ACK for a 2xx arrived (matched by the dialog): stop retransmitting.</summary>
    public void OnAckFor2xx()
    {
        using var scope = EnterScope();
        if (State != SipTransactionState.Accepted || Acknowledged)
        {
            return;
        }

        Acknowledged = true;
        _retransmit.Stop();
        // Timer L: stay to absorb INVITE retransmissions until 64*T1 after the 2xx.
        Linger(Layer.Timers.TransactionTimeout);
    }

    /// <summary>
    /// The session gave up waiting for the ACK of its 2xx (its source was banned): no more
    /// retransmissions and no timer H; timer L still absorbs the INVITE's retransmissions, so a
    /// retransmitted INVITE never becomes a new call.
    /// </summary>
    internal void Abandon()
    {
        using var scope = EnterScope();
        if (State != SipTransactionState.Accepted || Acknowledged)
        {
            return;
        }

        _retransmit.Stop();
        Linger(Layer.Timers.TransactionTimeout);
    }

    private protected override void OnRequest(SipRequest request)
    {
        if (request.Method == SipMethods.Ack)
        {
            if (State == SipTransactionState.Completed)
            {
                Acknowledged = true;
                _retransmit.Stop();
                State = SipTransactionState.Confirmed;
                if (Source.IsReliable)
                {
                    Terminate();
                }
                else
                {
                    Linger(Layer.Timers.T4);
                }
            }

            return;
        }

        if (State is SipTransactionState.Proceeding or SipTransactionState.Completed)
        {
            Retransmit();
        }
    }

    private protected override void Terminate()
    {
        _retransmit.Stop();
        _timeout.Stop();
        base.Terminate();
    }

    /// <summary>Stops waiting for the ACK and stays <paramref name="time"/> to absorb retransmissions (timer I or L), then ends.</summary>
    private void Linger(TimeSpan time)
    {
        _lingering = true;
        _timeout.Start(time);
    }

    /// <summary>A CANCEL matched this INVITE: false when it is too late (a final response was sent).</summary>
    internal bool Cancel(Func<SipResponse> terminated)
    {
        using var scope = EnterScope();
        if (State != SipTransactionState.Proceeding)
        {
            return false;
        }

        User?.OnCancelRequested();

        // Without a session (or when it did not answer) the INVITE still gets its 487.
        if (State == SipTransactionState.Proceeding)
        {
            OnRespond(terminated());
        }

        return true;
    }

    private void SendTrying()
    {
        if (State == SipTransactionState.Proceeding && LastResponse is null)
        {
            // Nothing is added to the Trying: no room for more lines than it copies.
            Transmit(SipResponse.CreateFor(Request, 100, null, null, room: 0));
        }
    }

    private void OnRetransmitTimer()
    {
        if (State == SipTransactionState.Proceeding)
        {
            SendTrying();
            return;
        }

        if (State is not (SipTransactionState.Accepted or SipTransactionState.Completed))
        {
            return;
        }

        Retransmit();
        _interval = _interval * 2 < Layer.Timers.T2 ? _interval * 2 : Layer.Timers.T2;
        _retransmit.Start(_interval);
    }

    private void OnTimeout()
    {
        if (_lingering)
        {
            Terminate();
            return;
        }

        var notify = !Acknowledged;
        Terminate();
        if (notify)
        {
            User?.OnAckTimedOut(this);
            AckTimedOut?.Invoke(this);
        }
    }
}
