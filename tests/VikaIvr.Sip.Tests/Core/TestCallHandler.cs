using System.Collections.Concurrent;
using VikaIvr.Sip.Core;

namespace VikaIvr.Sip.Tests.Core;

/// <summary>An application double: answers as configured and records notifications.</summary>
public sealed class TestCallHandler : ISipCallHandler
{
    public Func<SipCall, CancellationToken, Task<SipAnswer>> OnInvite { get; set; } =
        (_, _) => Task.FromResult(SipAnswer.Accept(SipBody.FromText("application/sdp", SipTestMessages.Sdp)));

    public TaskCompletionSource<SipCall> Invited { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<SipBody?> Acked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<SipCallEndReason> Terminated { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<SipBody> Infos { get; } = new();

    public Task<SipAnswer> OnInviteAsync(SipCall call, CancellationToken cancelled)
    {
        Invited.TrySetResult(call);
        return OnInvite(call, cancelled);
    }

    public void OnAck(SipCall call, SipBody? body) => Acked.TrySetResult(body);

    public void OnInfo(SipCall call, SipBody body) => Infos.Enqueue(body);

    public void OnTerminated(SipCall call, SipCallEndReason reason) => Terminated.TrySetResult(reason);
}
