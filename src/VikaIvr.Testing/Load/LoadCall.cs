using System.Diagnostics;
using Microsoft.Extensions.Logging;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Session;
using VikaIvr.Sip.Core;
using VikaIvr.Testing.Caller;

namespace VikaIvr.Testing.Load;

/// <summary>
/// One call of the load tester: dials through the shared stack, times the answer and the first
/// RTP, sends its audio and keys (or runs the script through the script interpreter with a
/// <see cref="LoadScriptCaller"/>), holds, hangs up and reports to <see cref="LoadResults"/>. As the
/// session's packet listener it times every received packet and, with a script, recognises prompts
/// by fingerprint, without allocating and without keeping audio.
/// </summary>
internal sealed partial class LoadCall(LoadOptions options, LoadResults results, ILoggerFactory loggers) : IMediaPacketListener
{
    private readonly StreamTiming _timing = new();
    private readonly LoadScriptCaller? _script = options.Script is null ? null : new LoadScriptCaller(options);
    private long _dialedAt;
    // Unix-epoch ns: the first packet's kernel receive time (or its read), and the INVITE's send (0: not yet known).
    private long _firstPacketNs;
    private long _inviteNs;
    private int _firstRtpCounted;
    private readonly byte _payloadType = (byte)options.Codec;

    /// <summary>The received stream's timing (complete once the call's media is closed).</summary>
    internal StreamTiming Timing => _timing;

    /// <summary>The prompts recognised so far, in order (tests).</summary>
    internal List<string> HeardSoFar() => _script?.HeardSoFar() ?? [];

    private static long UnixNs(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    /// <summary>INVITE→first RTP, once both ends are known (the first packet may come before the dial returns).</summary>
    private void CountFirstRtp()
    {
        long invite = Volatile.Read(ref _inviteNs), first = Volatile.Read(ref _firstPacketNs);
        if (invite != 0 && first != 0 && Interlocked.Exchange(ref _firstRtpCounted, 1) == 0)
        {
            results.FirstRtp((first - invite) / 1e6);
        }
    }

    public void OnPacket(in RtpHeader header, ReadOnlySpan<byte> payload, long receivedAtNs)
    {
        if (header.PayloadType != _payloadType)
        {
            return;
        }

        if (Volatile.Read(ref _firstPacketNs) == 0
            && Interlocked.CompareExchange(ref _firstPacketNs, receivedAtNs != 0 ? receivedAtNs : UnixNs(DateTimeOffset.UtcNow), 0) == 0)
        {
            // Counted as it arrives (when the answer came first), so the live line shows INVITE→first RTP while calls are up.
            CountFirstRtp();
        }

        _timing.Record(header.Ssrc, header.SequenceNumber, header.Timestamp, receivedAtNs != 0 ? receivedAtNs : (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency)));
        if (_script is { } script && options.Prompts is { } prompts && prompts.Match(payload) is var prompt and >= 0)
        {
            script.Heard(prompt);
        }
    }

    public async Task RunAsync(TestCallerStack stack, CancellationToken ct)
    {
        var callerOptions = new TestCallerOptions
        {
            Codec = options.Codec,
            DtmfMode = options.DtmfMode,
            KeepAudio = false,
            PacketListener = this,
            AnswerTimeout = options.AnswerTimeout,
            ReferOutcome = _ => _script?.TransferOutcome() ?? 200,
        };
        if (options.Script is { } script && script.Statements.FirstOrDefault(s => s.Kind == Flows.Scripting.ScriptStatementKind.Call) is { } call)
        {
            callerOptions.CalledUser = call.Value;
            if (call.From is not null) callerOptions.FromUser = call.From;
        }

        results.Placed();
        _dialedAt = Stopwatch.GetTimestamp();
        TestCaller caller;
        try
        {
            caller = await TestCaller.DialAsync(stack, options.Target, callerOptions, loggers, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            results.Failed("no-answer");
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            results.Failed("error " + ex.GetType().Name);
            return;
        }

        await using (caller.ConfigureAwait(false))
        {
            await RunCallAsync(caller, ct).ConfigureAwait(false);
        }
    }

    private async Task RunCallAsync(TestCaller caller, CancellationToken ct)
    {
        if (!caller.IsEstablished)
        {
            results.Failed($"rejected {caller.FinalResponse?.StatusCode}");
            return;
        }

        // Both ends on the SIP path (the INVITE's session made as it is sent, the 2xx as it is read):
        // the tester's own awaits and thread-pool hops after it are not the server's answer time.
        var dialog = caller.Call;
        results.Answered(dialog.AnsweredAt is { } answeredAt
            ? (answeredAt - dialog.StartedAt).TotalMilliseconds
            : Stopwatch.GetElapsedTime(_dialedAt).TotalMilliseconds);
        Volatile.Write(ref _inviteNs, UnixNs(dialog.StartedAt));
        CountFirstRtp();
        if (caller.Negotiated is null)
        {
            results.Failed("unusable-sdp");
            return;
        }

        string? failure = null;
        try
        {
            if (options.Audio is { } audio && caller.Media is { } media)
            {
                _ = media.Play(audio, ct);
            }

            failure = options.Script is { } script && _script is not null
                ? await FollowScriptAsync(caller, script, _script, ct).ConfigureAwait(false)
                : await SendKeysAndHoldAsync(caller, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or System.Net.Sockets.SocketException)
        {
            failure = caller.Ended.IsCancellationRequested ? null : "error " + ex.GetType().Name;
        }

        bool byServer = caller.Ended.IsCancellationRequested;
        await caller.HangupAsync(CancellationToken.None).ConfigureAwait(false);
        long first = Volatile.Read(ref _firstPacketNs);

        // The receive thread is done with the timing once the session is closed.
        if (caller.Media is { } session) await session.DisposeAsync().ConfigureAwait(false);
        if (_script is not null) await _script.DisposeAsync().ConfigureAwait(false);
        results.Stream(_timing);
        string? end = caller.EndReason;
        failure ??= first == 0 ? "no-rtp" : end is "remote-bye" or "local-bye" ? null : end ?? "not-ended";
        if (failure is null) results.Completed(byServer);
        else results.Failed(failure);
    }

    private async Task<string?> SendKeysAndHoldAsync(TestCaller caller, CancellationToken ct)
    {
        using var hold = CancellationTokenSource.CreateLinkedTokenSource(ct, caller.Ended);
        hold.CancelAfter(options.Duration);
        try
        {
            foreach (var step in options.Keys)
            {
                if (step.IsPause) await Task.Delay(step.Pause, hold.Token).ConfigureAwait(false);
                else await caller.SendDigitsAsync(step.Keys, TimeSpan.FromMilliseconds(100), hold.Token).ConfigureAwait(false);
            }

            await Task.Delay(Timeout.Infinite, hold.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The hold ended: its time passed or the server hung up.
        }

        return null;
    }
}
