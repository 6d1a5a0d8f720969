using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Transactions;

/// <summary>
/// A server transaction: owns the request and the last response, re-sends that response
/// when the request is retransmitted. All members are called under the layer's gate.
/// </summary>
public abstract class SipServerTransaction
{
    private protected SipServerTransaction(SipTransactionLayer layer, SipTransactionKey key, SipRequest request, SipEndPoint source)
    {
        Layer = layer;
        Key = key;
        Request = request;
        Source = source;
        ResponseDestination = SipResponseRouter.Destination(request.TopVia, source);
    }

    public SipTransactionKey Key { get; }

    public SipRequest Request { get; }

    /// <summary>Where the request came from (and over which connection).</summary>
    public SipEndPoint Source { get; }

    public SipEndPoint ResponseDestination { get; }

    public SipTransactionState State { get; protected set; }

    public SipResponse? LastResponse { get; private set; }

    /// <summary>True once a final response was sent.</summary>
    public bool IsFinal => LastResponse is { StatusCode: >= 200 };

    private protected SipTransactionLayer Layer { get; }

    /// <summary>Sends a response from the transaction user; ignored after the final response.</summary>
    public abstract void Respond(SipResponse response);

    /// <summary>A retransmission of the request (or an ACK for INVITE) arrived.</summary>
    internal abstract void OnRequest(SipRequest request);

    /// <summary>Stops all timers and forgets the transaction.</summary>
    internal virtual void Terminate()
    {
        State = SipTransactionState.Terminated;
        Layer.Remove(this);
    }

    private protected void Transmit(SipResponse response)
    {
        if (!ReferenceEquals(response, LastResponse))
        {
            SipResponseRouter.StampTopVia(response, Source);
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
