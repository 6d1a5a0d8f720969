using System.Collections.Concurrent;
using VikaIvr.Sip.Core;

namespace VikaIvr.Sip.Tests.Core;

/// <summary>An application double: takes each incoming session, answers as configured and records what the session hands it.</summary>
public sealed class TestCallHandler
{
    public Func<SipInviteSession, CancellationToken, Task<SipAnswer>> OnInvite { get; set; } =
        (_, _) => Task.FromResult(SipAnswer.Accept(SipBody.FromText("application/sdp", SipTestMessages.Sdp)));

    public TaskCompletionSource<SipInviteSession> Invited { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<SipBody?> Acked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<SipCallEndReason> Terminated { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<SipBody> Infos { get; } = new();

    /// <summary>Serves every incoming session of <paramref name="agent"/> until it stops.</summary>
    public async Task ServeAsync(SipUserAgent agent)
    {
        await foreach (var session in agent.IncomingCalls.ReadAllAsync())
        {
            _ = HandleAsync(session);
        }
    }

    private async Task HandleAsync(SipInviteSession session)
    {
        Invited.TrySetResult(session);
        _ = WatchAsync(session);
        SipAnswer answer;
        try
        {
            answer = await OnInvite(session, session.Ended);
        }
        catch (OperationCanceledException) when (session.Ended.IsCancellationRequested)
        {
            return;
        }

        session.Answer(answer);
    }

    private async Task WatchAsync(SipInviteSession session)
    {
        var infos = ReadInfosAsync(session);
        try
        {
            Acked.TrySetResult(await session.Acknowledged);
        }
        catch (OperationCanceledException)
        {
        }

        Terminated.TrySetResult((await session.Completion).Reason);
        await infos;
    }

    private async Task ReadInfosAsync(SipInviteSession session)
    {
        await foreach (var info in session.Infos.ReadAllAsync())
        {
            Infos.Enqueue(info);
        }
    }
}
