using VikaIvr.Sip.Transactions;

namespace VikaIvr.Sip.Core;

/// <summary>A REFER in progress: waits for the NOTIFY that carries a final sipfrag status.</summary>
internal sealed class SipReferState(SipTimer timeout)
{
    public TaskCompletionSource<SipTransferResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SipTimer Timeout { get; } = timeout;

    public void Complete(SipTransferResult result)
    {
        Timeout.Stop();
        Result.TrySetResult(result);
    }
}
