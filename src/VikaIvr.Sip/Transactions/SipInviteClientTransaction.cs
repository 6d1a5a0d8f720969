using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Transactions;

/// <summary>
/// RFC 3261 17.1.1 with RFC 6026: Calling (timers A, B) → Proceeding → Completed (ACK sent
/// here for 300-699, timer D) or Accepted (2xx passed up, the TU sends the ACK; timer M).
/// </summary>
public sealed class SipInviteClientTransaction : SipClientTransaction
{
    private readonly SipTimer _timerA;
    private readonly SipTimer _timerB;
    private readonly SipTimer _end;
    private TimeSpan _interval;
    private SipRequest? _ack;

    internal SipInviteClientTransaction(SipTransactionLayer layer, SipRequest request, SipEndPoint destination, Lock? sync)
        : base(layer, request, destination, sync)
    {
        _timerA = CreateTimer(OnTimerA);
        _timerB = CreateTimer(() => Fail(408, "Request Timeout"));
        _end = CreateTimer(Terminate);
    }

    private protected override void OnStart()
    {
        State = SipTransactionState.Calling;
        _interval = Layer.Timers.T1;
        if (!Destination.IsReliable)
        {
            _timerA.Start(_interval);
        }

        _timerB.Start(Layer.Timers.TransactionTimeout);
        Send(Request);
    }

    private protected override void OnResponse(SipResponse response)
    {
        switch (State)
        {
            case SipTransactionState.Calling or SipTransactionState.Proceeding:
                _timerA.Stop();
                if (response.StatusCode < 200)
                {
                    _timerB.Stop();
                    State = SipTransactionState.Proceeding;
                    PassUp(response);
                }
                else if (response.StatusCode < 300)
                {
                    _timerB.Stop();
                    State = SipTransactionState.Accepted;
                    _end.Start(Layer.Timers.TransactionTimeout);
                    PassUp(response);
                }
                else
                {
                    _timerB.Stop();
                    State = SipTransactionState.Completed;
                    _ack = CreateAck(response);
                    Send(_ack);
                    if (Destination.IsReliable)
                    {
                        Terminate();
                    }
                    else
                    {
                        _end.Start(Layer.Timers.TimerD);
                    }

                    PassUp(response);
                }

                break;
            case SipTransactionState.Completed when response.StatusCode >= 300:
                Send(_ack!);
                break;
            case SipTransactionState.Accepted when response.StatusCode is >= 200 and < 300:
                // 2xx retransmissions go to the TU, which re-sends its ACK.
                ResponseReceived?.Invoke(response);
                break;
        }
    }

    private protected override void Terminate()
    {
        _timerA.Stop();
        _timerB.Stop();
        _end.Stop();
        base.Terminate();
    }

    private void OnTimerA()
    {
        if (State != SipTransactionState.Calling)
        {
            return;
        }

        Send(Request);
        _interval *= 2;
        _timerA.Start(_interval);
    }

    /// <summary>The ACK for a non-2xx (RFC 3261 17.1.1.3): same branch, Request-URI, Call-ID, From, CSeq number; To from the response.</summary>
    private SipRequest CreateAck(SipResponse response)
    {
        var ack = new SipRequest(SipMethods.Ack, Request.RequestUri);
        ack.Headers.Add(SipHeaderId.Via, Request.Headers.Get(SipHeaderId.Via)!);
        ack.Headers.Add(SipHeaderId.MaxForwards, "70");
        ack.Headers.Add(SipHeaderId.From, Request.Headers.Get(SipHeaderId.From)!);
        ack.Headers.Add(SipHeaderId.To, response.Headers.Get(SipHeaderId.To) ?? Request.Headers.Get(SipHeaderId.To)!);
        ack.Headers.Add(SipHeaderId.CallId, Request.CallId!);
        ack.Headers.Add(SipHeaderId.CSeq, Request.CSeq!.Number + " ACK");
        foreach (var route in Request.Headers.GetLines("Route"))
        {
            ack.Headers.Add(SipHeaderId.Route, route);
        }

        return ack;
    }
}
