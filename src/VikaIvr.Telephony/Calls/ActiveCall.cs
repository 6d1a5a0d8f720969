using VikaIvr.Flows.Ports;
using VikaIvr.Media.Sdp;
using VikaIvr.Sip.Core;

namespace VikaIvr.Telephony.Calls;

/// <summary>What the call manager keeps for one call while it lasts.</summary>
internal sealed class ActiveCall(SipCall sip, TelephonyCall call, SdpOfferAnswer offerAnswer, CallRecord record, CancellationTokenSource ended)
{
    private int _flowStarted;

    public SipCall Sip { get; } = sip;
    public TelephonyCall Call { get; } = call;
    public SdpOfferAnswer OfferAnswer { get; } = offerAnswer;
    public CallRecord Record { get; } = record;
    public CancellationTokenSource Ended { get; } = ended;
    public Task FlowTask { get; private set; } = Task.CompletedTask;

    /// <summary>Starts the application once (a retransmitted ACK must not start it twice).</summary>
    public void StartFlow(Func<Task> run)
    {
        if (Interlocked.Exchange(ref _flowStarted, 1) == 1) return;
        FlowTask = Task.Run(run);
    }
}
