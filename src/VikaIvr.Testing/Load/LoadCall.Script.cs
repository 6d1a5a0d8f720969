using System.Globalization;
using VikaIvr.Flows.Scripting;
using VikaIvr.Media.Session;
using VikaIvr.Sip.Core.Outgoing;
using VikaIvr.Testing.Caller;

namespace VikaIvr.Testing.Load;

/// <summary>
/// A call script as the load tester follows it: keys, waits and hang-ups in real time; `expect
/// prompt` checked against the prompts recognised by fingerprint, in order; `expect hangup` and
/// `expect transfer` against the server's BYE and REFER. What a fingerprint cannot tell (the words
/// of synthesized speech, a recording, a playback) is counted as not checkable, as the simulated
/// and `simulate --target` runs are where those are checked.
/// </summary>
internal sealed partial class LoadCall
{
    private int _failNextTransfer;
    private int _refersSeen;

    private async Task<string?> FollowScriptAsync(TestCaller caller, CallScript script, CancellationToken ct)
    {
        using var cap = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cap.CancelAfter(options.Duration);
        try
        {
            foreach (var statement in script.Statements)
            {
                await StepAsync(caller, statement, cap.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return "script-over-duration";
        }

        return null;
    }

    private async Task StepAsync(TestCaller caller, ScriptStatement statement, CancellationToken ct)
    {
        switch (statement.Kind)
        {
            case ScriptStatementKind.ExpectPrompt:
                Check(statement, await NextPromptAsync(caller, ct).ConfigureAwait(false) is var heard && heard == statement.Value,
                    heard is null ? "nothing" : heard);
                break;
            case ScriptStatementKind.ExpectHangup:
                Check(statement, await EndedAsync(caller, ct).ConfigureAwait(false) && caller.EndReason == "remote-bye", caller.EndReason ?? "the call still up");
                break;
            case ScriptStatementKind.ExpectTransfer:
                Check(statement, await ReferAsync(caller, ct).ConfigureAwait(false), "no REFER");
                break;
            case ScriptStatementKind.ExpectSay or ScriptStatementKind.ExpectRecord or ScriptStatementKind.ExpectPlayback:
                results.Unchecked();
                break;
            case ScriptStatementKind.Press when !caller.Ended.IsCancellationRequested:
                await caller.SendDigitsAsync(statement.Value ?? "", statement.Duration, ct).ConfigureAwait(false);
                break;
            case ScriptStatementKind.Wait:
                await Task.Delay(statement.Duration, ct).ConfigureAwait(false);
                break;
            case ScriptStatementKind.Speak when caller.Media is { } media && caller.Negotiated is { } negotiated:
                await media.Play(EncodedAudio.Encode(Tone(statement.Duration), negotiated.Codec, "speak"), ct).ConfigureAwait(false);
                break;
            case ScriptStatementKind.TransferFails:
                Interlocked.Exchange(ref _failNextTransfer, 1);
                break;
            case ScriptStatementKind.Hangup:
                await caller.HangupAsync(ct).ConfigureAwait(false);
                break;
        }
    }

    private void Check(ScriptStatement statement, bool met, string instead) =>
        results.Expectation(met, met ? null : string.Create(CultureInfo.InvariantCulture, $"line {statement.Line}: {statement.Source.Trim()} — got {instead}"));

    /// <summary>The next prompt heard, waiting up to the expect timeout; null when none came.</summary>
    private async Task<string?> NextPromptAsync(TestCaller caller, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + options.ExpectTimeout;
        while (true)
        {
            int read = _heardRead;
            if (read < Volatile.Read(ref _heardCount))
            {
                Volatile.Write(ref _heardRead, read + 1);
                return options.Prompts!.IdOf(_heard[read % HeardCapacity]);
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || (caller.Ended.IsCancellationRequested && caller.Media?.Closed.IsCancellationRequested != false))
            {
                return null;
            }

            // After the server's BYE, packets already sent may still arrive for a moment.
            var wait = caller.Ended.IsCancellationRequested ? TimeSpan.FromMilliseconds(300) : left;
            if (!await _heardSignal.WaitAsync(wait, ct).ConfigureAwait(false) && caller.Ended.IsCancellationRequested)
            {
                return null;
            }
        }
    }

    private async Task<bool> EndedAsync(TestCaller caller, CancellationToken ct)
    {
        try
        {
            await Task.Delay(options.ExpectTimeout, caller.Ended).WaitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The call ended.
        }

        // The user agent's event pump records the end reason just after the token fires.
        for (int i = 0; i < 20 && caller.Ended.IsCancellationRequested && caller.EndReason is null; i++)
        {
            await Task.Delay(10, ct).ConfigureAwait(false);
        }

        return caller.Ended.IsCancellationRequested;
    }

    private async Task<bool> ReferAsync(TestCaller caller, CancellationToken ct)
    {
        int at = await caller.WaitForEventAsync(e => e.Kind == SipOutgoingEventKind.ReferReceived, _refersSeen, options.ExpectTimeout, ct).ConfigureAwait(false);
        if (at < 0) return false;
        _refersSeen = at + 1;
        return true;
    }

    private static short[] Tone(TimeSpan duration)
    {
        var samples = new short[(int)(duration.TotalSeconds * 8000)];
        for (int i = 0; i < samples.Length; i++) samples[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 8000));
        return samples;
    }
}
