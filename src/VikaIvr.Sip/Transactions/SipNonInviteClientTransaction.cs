using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Transactions;

/// <summary>RFC 3261 17.1.2: Trying (timers E, F) → Proceeding → Completed (timer K) → Terminated.</summary>
public sealed class SipNonInviteClientTransaction : SipClientTransaction
{
    private readonly SipTimer _timerE;
    private readonly SipTimer _timerF;
    private readonly SipTimer _timerK;
    private TimeSpan _interval;

    internal SipNonInviteClientTransaction(SipTransactionLayer layer, SipRequest request, SipEndPoint destination, Lock? sync)
        : base(layer, request, destination, sync)
    {
        _timerE = CreateTimer(OnTimerE);
        _timerF = CreateTimer(() => Fail(408, "Request Timeout"));
        _timerK = CreateTimer(Terminate);
    }

    private protected override void OnStart()
    {
        State = SipTransactionState.Trying;
        _interval = Layer.Timers.T1;
        if (!Destination.IsReliable)
        {
            _timerE.Start(_interval);
        }

        _timerF.Start(Layer.Timers.TransactionTimeout);
        Send(Request);
    }

    private protected override void OnResponse(SipResponse response)
    {
        if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
        {
            return;
        }

        if (response.StatusCode < 200)
        {
            State = SipTransactionState.Proceeding;
            PassUp(response);
            return;
        }

        _timerE.Stop();
        _timerF.Stop();
        State = SipTransactionState.Completed;
        PassUp(response);
        if (Destination.IsReliable)
        {
            Terminate();
        }
        else
        {
            _timerK.Start(Layer.Timers.T4);
        }
    }

    private protected override void Terminate()
    {
        _timerE.Stop();
        _timerF.Stop();
        _timerK.Stop();
        base.Terminate();
    }

    private void OnTimerE()
    {
        if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
        {
            return;
        }

        Send(Request);
        _interval = State == SipTransactionState.Proceeding || _interval * 2 >= Layer.Timers.T2 ? Layer.Timers.T2 : _interval * 2;
        _timerE.Start(_interval);
    }
}
