using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Transactions;

/// <summary>RFC 3261 17.2.2: Trying → Proceeding → Completed (timer J) → Terminated.</summary>
public sealed class SipNonInviteServerTransaction : SipServerTransaction
{
    private readonly SipTimer _timerJ;

    internal SipNonInviteServerTransaction(SipTransactionLayer layer, SipTransactionKey key, SipRequest request, SipEndPoint source)
        : base(layer, key, request, source)
    {
        State = SipTransactionState.Trying;
        _timerJ = layer.CreateTimer(Terminate);
    }

    public override void Respond(SipResponse response)
    {
        if (State is SipTransactionState.Completed or SipTransactionState.Terminated)
        {
            return;
        }

        Transmit(response);
        if (response.StatusCode < 200)
        {
            State = SipTransactionState.Proceeding;
            return;
        }

        State = SipTransactionState.Completed;
        if (Source.IsReliable)
        {
            Terminate();
        }
        else
        {
            _timerJ.Start(Layer.Timers.TransactionTimeout);
        }
    }

    internal override void OnRequest(SipRequest request)
    {
        if (State is SipTransactionState.Proceeding or SipTransactionState.Completed)
        {
            Retransmit();
        }
    }

    internal override void Terminate()
    {
        _timerJ.Stop();
        base.Terminate();
    }
}
