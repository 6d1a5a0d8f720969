using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Transactions;

/// <summary>
/// A server transaction: owns the request and the last response, re-sends that response
/// when the request is retransmitted. Thread-safe: every entry point takes the transaction's
/// lock, which is its own or, for a transaction inside a call, the invite session's (so the
/// session and its transactions change state as one, like pjsip's dialog group lock).
/// </summary>
public abstract class SipServerTransaction
{
    private readonly Lock _sync;
    private SipTimerGroup? _timers;

    private protected SipServerTransaction(SipTransactionLayer layer, SipTransactionKey key, SipRequest request, SipEndPoint source, Lock? sync)
    {
        Layer = layer;
        Key = key;
        Request = request;
        Source = source;
        _sync = sync ?? new Lock();
        ResponseDestination = layer.ResponseDestination(request.TopVia, source);
    }

    public SipTransactionKey Key { get; }

    public SipRequest Request { get; }

    /// <summary>Where the request came from (and over which connection).</summary>
    public SipEndPoint Source { get; }

    public SipEndPoint ResponseDestination { get; }

    public SipTransactionState State { get; private protected set; }

    public SipResponse? LastResponse { get; private set; }

    /// <summary>True once a final response was sent.</summary>
    public bool IsFinal => LastResponse is { StatusCode: >= 200 };

    private protected SipTransactionLayer Layer { get; }

    /// <summary>Sends a response from the transaction user; ignored after the final response.</summary>
    public void Respond(SipResponse response)
    {
        lock (_sync)
        {
            OnRespond(response);
        }
    }

    /// <summary>A retransmission of the request (or an ACK for INVITE) arrived.</summary>
    internal void Receive(SipRequest request)
    {
        lock (_sync)
        {
            OnRequest(request);
        }
    }

    /// <summary>True when <paramref name="request"/> is a retransmission this transaction absorbs (an ACK for a 2xx is not: the dialog takes it).</summary>
    internal bool TryAbsorb(SipRequest request)
    {
        lock (_sync)
        {
            if (request.Method == SipMethods.Ack && this is SipInviteServerTransaction && State is not (SipTransactionState.Completed or SipTransactionState.Confirmed))
            {
                return false;
            }

            OnRequest(request);
            return true;
        }
    }

    /// <summary>Drops a transaction that lost the race to the table to an identical one.</summary>
    internal void Discard()
    {
        lock (_sync)
        {
            Terminate();
        }
    }

    private protected abstract void OnRespond(SipResponse response);

    private protected abstract void OnRequest(SipRequest request);

    /// <summary>A timer of this transaction, its callback given the transaction: all of them share one <see cref="ITimer"/>.</summary>
    private protected SipTimer CreateTimer(Action<object> callback) => new(Timers, callback, this);

    /// <summary>The transaction's timers' one timer; an invite session under the same lock puts its own there too.</summary>
    internal SipTimerGroup Timers => _timers ??= new SipTimerGroup(Layer.Time, _sync);

    private protected Lock.Scope EnterScope() => _sync.EnterScope();

    /// <summary>Stops all timers and forgets the transaction (under the lock).</summary>
    private protected virtual void Terminate()
    {
        State = SipTransactionState.Terminated;
        Layer.Remove(this);
    }

    private protected void Transmit(SipResponse response)
    {
        if (!ReferenceEquals(response, LastResponse))
        {
            SipResponseRouter.StampTopVia(response, Source, Request);
            LastResponse = response;
        }

        Layer.Transport.Send(response, ResponseDestination);
    }

    private protected void Retransmit()
    {
        if (LastResponse is not null)
        {
            Layer.Transport.Send(LastResponse, ResponseDestination);
        }
    }
}
