using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Transactions;

/// <summary>RFC 3261 17.2.2: Trying → Proceeding → Completed (timer J) → Terminated.</summary>
public sealed class SipNonInviteServerTransaction : SipServerTransaction
{
    private readonly SipTimer _timerJ;

    internal SipNonInviteServerTransaction(SipTransactionLayer layer, SipTransactionKey key, SipRequest request, SipEndPoint source, Lock? sync)
        : base(layer, key, request, source, sync)
    {
        State = SipTransactionState.Trying;
        _timerJ = CreateTimer(static tx => ((SipNonInviteServerTransaction)tx).Terminate());
    }

    private protected override void OnRespond(SipResponse response)
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

    private protected override void OnRequest(SipRequest request)
    {
        if (State is SipTransactionState.Proceeding or SipTransactionState.Completed)
        {
            Retransmit();
        }
    }

    private protected override void Terminate()
    {
        _timerJ.Stop();
        base.Terminate();
    }
}
