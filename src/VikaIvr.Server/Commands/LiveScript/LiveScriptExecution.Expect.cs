using VikaIvr.Flows.Scripting;
using VikaIvr.Sip.Core.Outgoing;

namespace VikaIvr.Server.Commands.LiveScript;

/// <summary>Expectations against what was heard and the server's SIP requests.</summary>
internal sealed partial class LiveScriptExecution
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>After the server's BYE, RTP already in flight still arrives for a moment.</summary>
    private static readonly TimeSpan Drain = TimeSpan.FromMilliseconds(300);

    /// <summary>No packet for this long: whatever was playing has stopped.</summary>
    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(1500);

    private async Task<bool> ExpectAsync(ScriptStatement st)
    {
        string expected = Expected(st);
        switch (st.Kind)
        {
            case ScriptStatementKind.ExpectPrompt or ScriptStatementKind.ExpectSay:
                var ev = await NextHeardAsync(inProgress: st.Kind == ScriptStatementKind.ExpectPrompt);
                if (ev is null) return Fail(st.Line, expected, NothingHeard());
                Heard(ev);
                if (ev.InProgress)
                {
                    // Keys may follow at once and cut it, as a hurried caller (and the simulated mode) does.
                    _playing = ev;
                    _playingLine = _transcript.Count - 1;
                }

                if (st.Kind == ScriptStatementKind.ExpectPrompt)
                {
                    return ev.Kind == HeardEventKind.Prompt && ev.PromptId == st.Value
                        || Fail(st.Line, expected, $"got {ev.Describe()} at {ev.At.TotalSeconds:0.000} s");
                }

                if (ev.Kind != HeardEventKind.Speech) return Fail(st.Line, expected, $"got {ev.Describe()} at {ev.At.TotalSeconds:0.000} s");
                return CheckWords(st, expected, ev);
            case ScriptStatementKind.ExpectHangup:
                return await ExpectHangupAsync(st, expected);
            default:
                return await ExpectTransferAsync(st, expected);
        }
    }

    private async Task<bool> ExpectHangupAsync(ScriptStatement st, string expected)
    {
        var deadline = DateTime.UtcNow + options.MaxSilence;
        while (!_caller!.Ended.IsCancellationRequested && DateTime.UtcNow < deadline)
        {
            var stream = _caller.Received.Snapshot();
            if (_scanner!.Next(stream, _cursor, final: false, out _) is { } early)
            {
                Heard(early);
                return Fail(st.Line, expected, $"got {early.Describe()} at {early.At.TotalSeconds:0.000} s");
            }

            await Task.Delay(Poll, ct);
        }

        if (!_caller.Ended.IsCancellationRequested) return Fail(st.Line, expected, $"the call was still up after {options.MaxSilence.TotalSeconds:0} s");
        await Task.Delay(Drain, ct);
        if (_scanner!.Next(_caller.Received.Snapshot(), _cursor, final: true, out _) is { } last)
        {
            Heard(last);
            return Fail(st.Line, expected, $"got {last.Describe()} at {last.At.TotalSeconds:0.000} s");
        }

        NoteSip();
        return _caller.EndReason == "remote-bye" || Fail(st.Line, expected, $"the call ended otherwise ({_caller.EndReason})");
    }

    private async Task<bool> ExpectTransferAsync(ScriptStatement st, string expected)
    {
        var deadline = DateTime.UtcNow + options.MaxSilence;
        while (DateTime.UtcNow < deadline)
        {
            var history = _caller!.History;
            for (int i = _sipSeen; i < history.Count; i++)
            {
                if (history[i].Kind != SipOutgoingEventKind.ReferReceived) continue;
                NoteSip();
                var target = history[i].Text;
                return st.Value is null || string.Equals(target, st.Value, StringComparison.OrdinalIgnoreCase)
                    || Fail(st.Line, expected, $"got transfer {target}");
            }

            if (_scanner!.Next(_caller.Received.Snapshot(), _cursor, final: false, out _) is { } heard)
            {
                Heard(heard);
                return Fail(st.Line, expected, $"got {heard.Describe()} at {heard.At.TotalSeconds:0.000} s");
            }

            if (_caller.Ended.IsCancellationRequested) break;
            await Task.Delay(Poll, ct);
        }

        NoteSip();
        return Fail(st.Line, expected, _caller!.Ended.IsCancellationRequested ? $"the call had ended ({_caller.EndReason})" : $"no REFER within {options.MaxSilence.TotalSeconds:0} s");
    }

    /// <summary>After the last statement: anything more heard fails the script, as in simulated mode.</summary>
    private async Task FinishAsync(int lastLine)
    {
        if (_caller is null || _scanner is null) return;
        await SettleAsync();
        var until = DateTime.UtcNow + options.Linger;
        while (DateTime.UtcNow < until && !_caller.Ended.IsCancellationRequested)
        {
            await Task.Delay(Poll, ct);
        }

        bool final = _caller.Ended.IsCancellationRequested;
        if (_scanner.Next(_caller.Received.Snapshot(), _cursor, final, out bool started) is { } extra)
        {
            Heard(extra);
            Fail(lastLine, "nothing more after the last statement", "the call went on: " + extra.Describe());
        }
        else if (started && !final)
        {
            Fail(lastLine, "nothing more after the last statement", "the server was still playing audio");
        }

        NoteSip();
    }

    /// <summary>Waits for the recognised prompt to end (played out or cut) and puts its length in the transcript.</summary>
    private async Task SettleAsync()
    {
        if (_playing is not { } playing) return;
        _playing = null;
        _cursor = playing.Start;
        var done = await NextHeardAsync(inProgress: false);
        if (done is null) return;
        if (done.PromptId != playing.PromptId || done.Start != playing.Start)
        {
            // Not expected: the same samples matched once; keep what was found.
            _transcript.Add(done.Format(ArrivalAt(done)));
            return;
        }

        _transcript[_playingLine] = done.Format(ArrivalAt(done));
    }

    /// <summary>
    /// The next heard event after the cursor, or null when nothing came (or the call ended). With
    /// <paramref name="inProgress"/>, a prompt is returned as soon as its beginning is recognised.
    /// </summary>
    private async Task<HeardEvent?> NextHeardAsync(bool inProgress)
    {
        var quietSince = DateTime.UtcNow;
        int lastLength = 0;
        while (true)
        {
            bool ended = _caller!.Ended.IsCancellationRequested;
            if (ended) await Task.Delay(Drain, ct);

            // A server that sends nothing between prompts: the stream is over for now once packets stop.
            bool final = ended || DateTime.UtcNow - (_caller.Received.LastArrival ?? DateTime.UtcNow) > Idle;
            var stream = _caller.Received.Snapshot();
            var ev = _scanner!.Next(stream, _cursor, final, inProgress, out bool started);
            if (ev is not null)
            {
                _cursor = ev.InProgress ? ev.Start : ev.End;
                return ev;
            }

            if (ended) return null;
            if (started || stream.Length != lastLength && PromptAudioIndex.FirstAudible(stream, lastLength) >= 0) quietSince = DateTime.UtcNow;
            lastLength = stream.Length;
            if (DateTime.UtcNow - quietSince > options.MaxSilence) return null;
            await Task.Delay(Poll, ct);
        }
    }

    private string NothingHeard() => _caller!.Ended.IsCancellationRequested
        ? $"the call had ended ({_caller.EndReason}) with nothing more heard"
        : $"nothing was heard for {options.MaxSilence.TotalSeconds:0} s";

    private void Heard(HeardEvent ev)
    {
        NoteSip();
        _transcript.Add(ev.Format(ArrivalAt(ev)));
    }

    private TimeSpan ArrivalAt(HeardEvent ev) => _caller!.Received.ArrivalOf(ev.Start) - _started;

    /// <summary>SIP events (BYE, REFER, NOTIFY) not yet in the transcript.</summary>
    private void NoteSip()
    {
        var history = _caller!.History;
        for (; _sipSeen < history.Count; _sipSeen++)
        {
            var ev = history[_sipSeen];
            if (ev.Kind is SipOutgoingEventKind.InfoSent) continue;
            var at = ev.At.UtcDateTime - _started;
            _transcript.Add($"[{(int)at.TotalMinutes:00}:{at.Seconds:00}.{at.Milliseconds:000}] {ev}");
        }
    }

    private static string Expected(ScriptStatement st) => st.Kind switch
    {
        ScriptStatementKind.ExpectPrompt => $"prompt {st.Value}",
        ScriptStatementKind.ExpectSay => "say " + string.Join(" ", st.Texts.Select(t => $"\"{t}\"")),
        ScriptStatementKind.ExpectTransfer => st.Value is null ? "a transfer" : $"transfer {st.Value}",
        _ => "hangup",
    };
}
