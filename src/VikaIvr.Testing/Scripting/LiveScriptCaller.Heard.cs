using VikaIvr.Flows.Scripting;
using VikaIvr.Sip.Core.Outgoing;

namespace VikaIvr.Testing.Scripting;

/// <summary>Expectations against what was heard and the server's SIP requests.</summary>
public sealed partial class LiveScriptCaller
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>After the server's BYE, RTP already in flight still arrives for a moment.</summary>
    private static readonly TimeSpan Drain = TimeSpan.FromMilliseconds(300);

    /// <summary>No packet for this long: whatever was playing has stopped.</summary>
    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(1500);

    /// <summary>A server that records says nothing: once this long passes without audio after the
    /// last thing heard, the caller takes it that recording has started. Short, so a key pressed at
    /// once still makes a recording under the flow's minimum length, as in simulation.</summary>
    private static readonly TimeSpan RecordQuiet = TimeSpan.FromMilliseconds(250);

    /// <summary>Louder than this (16-bit linear) is sound; G.711 silence decodes to 0 or 8.</summary>
    private const int SoundLevel = 200;

    private int _referSeen;

    public async Task<ScriptOutput?> NextOutputAsync(ScriptStatementKind expecting, CancellationToken ct)
    {
        await SettleAsync(ct);
        switch (expecting)
        {
            case ScriptStatementKind.ExpectHangup:
                return await HangupOrHeardAsync(ct);
            case ScriptStatementKind.ExpectTransfer:
                return await ReferOrHeardAsync(ct);
            case ScriptStatementKind.ExpectRecord:
                return await QuietOrHeardAsync(ct);
        }

        var ev = await NextHeardAsync(inProgress: expecting == ScriptStatementKind.ExpectPrompt, ct);
        if (ev is null)
        {
            _whyNothing = NothingHeard();
            return null;
        }

        return Heard(ev, expecting);
    }

    /// <summary>What a heard event is for the script: a prompt, the utterance (its words recognised by
    /// their audio), or, when a playback is expected, audio that is no prompt.</summary>
    private ScriptOutput Heard(HeardEvent ev, ScriptStatementKind expecting)
    {
        NoteSip();
        _transcript.Add(ev.Format(ArrivalAt(ev)));
        _cursor = ev.InProgress ? ev.Start : ev.End;
        if (ev.InProgress)
        {
            // Keys may follow at once and cut it, as a hurried caller (and the simulated mode) does.
            _playing = ev;
            _playingLine = _transcript.Count - 1;
        }

        if (ev.Kind == HeardEventKind.Prompt) return new ScriptOutput(ScriptOutputKind.Prompt, ev.PromptId!, ev.At);
        if (expecting == ScriptStatementKind.ExpectPlayback) return new ScriptOutput(ScriptOutputKind.Playback, "", ev.At) { Duration = ev.Duration };
        if (expecting != ScriptStatementKind.ExpectSay) return new ScriptOutput(ScriptOutputKind.Say, "", ev.At);
        return Utterance(ev);
    }

    private async Task<ScriptOutput?> HangupOrHeardAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + options.MaxSilence;
        while (!Caller.Ended.IsCancellationRequested && DateTime.UtcNow < deadline)
        {
            if (_scanner!.Next(Caller.Received.Snapshot(), _cursor, final: false, out _) is { } early) return Heard(early, ScriptStatementKind.ExpectHangup);
            await Task.Delay(Poll, ct);
        }

        if (!Caller.Ended.IsCancellationRequested)
        {
            _whyNothing = $"the call was still up after {options.MaxSilence.TotalSeconds:0} s";
            return null;
        }

        await Task.Delay(Drain, ct);
        if (_scanner!.Next(Caller.Received.Snapshot(), _cursor, final: true, out _) is { } last) return Heard(last, ScriptStatementKind.ExpectHangup);
        NoteSip();
        if (Caller.EndReason == "remote-bye") return new ScriptOutput(ScriptOutputKind.Hangup, "", DateTime.UtcNow - _started);
        _whyNothing = $"the call ended otherwise ({Caller.EndReason})";
        return null;
    }

    private async Task<ScriptOutput?> ReferOrHeardAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + options.MaxSilence;
        while (DateTime.UtcNow < deadline)
        {
            if (NextRefer() is { } refer) return refer;
            if (_scanner!.Next(Caller.Received.Snapshot(), _cursor, final: false, out _) is { } heard) return Heard(heard, ScriptStatementKind.ExpectTransfer);
            if (Caller.Ended.IsCancellationRequested) break;
            await Task.Delay(Poll, ct);
        }

        NoteSip();
        _whyNothing = Caller.Ended.IsCancellationRequested ? $"the call had ended ({Caller.EndReason})" : $"no REFER within {options.MaxSilence.TotalSeconds:0} s";
        return null;
    }

    /// <summary>The next REFER from the server not yet matched, as a transfer.</summary>
    private ScriptOutput? NextRefer()
    {
        var history = Caller.History;
        for (int i = _referSeen; i < history.Count; i++)
        {
            if (history[i].Kind != SipOutgoingEventKind.ReferReceived) continue;
            _referSeen = i + 1;
            NoteSip();
            return new ScriptOutput(ScriptOutputKind.Transfer, history[i].Text, history[i].At.UtcDateTime - _started);
        }

        return null;
    }

    private async Task<ScriptOutput?> QuietOrHeardAsync(CancellationToken ct)
    {
        var quietUntil = DateTime.UtcNow + RecordQuiet;
        while (true)
        {
            if (Caller.Ended.IsCancellationRequested) break;
            var stream = Caller.Received.Snapshot();
            if (_scanner!.Next(stream, _cursor, final: false, out bool started) is { } heard) return Heard(heard, ScriptStatementKind.ExpectRecord);
            if (started) quietUntil = DateTime.UtcNow + RecordQuiet;

            // Quiet counts from the end of the last sound that arrived, not from when a prompt was
            // recognised: the rest of a beep recognised at its start is still playing, and a key sent
            // before it ends is one the server drops (keys before the recording do not end it).
            if (DateTime.UtcNow >= quietUntil && !SoundWithin(stream, RecordQuiet)) break;
            await Task.Delay(Poll, ct);
        }

        if (Caller.Ended.IsCancellationRequested)
        {
            _whyNothing = $"the call had ended ({Caller.EndReason})";
            return null;
        }

        Note("the server is silent: recording");
        return new ScriptOutput(ScriptOutputKind.Record, "", DateTime.UtcNow - _started);
    }

    /// <summary>Whether sound (not silence) arrived within <paramref name="window"/> before now.</summary>
    private bool SoundWithin(short[] stream, TimeSpan window)
    {
        var received = Caller.Received;
        var since = DateTime.UtcNow - window;
        if (received.LastArrival is not { } last || last < since) return false;
        for (int i = stream.Length - 1; i >= 0; i--)
        {
            if (Math.Abs((int)stream[i]) > SoundLevel) return received.ArrivalOf(i) >= since;
            if (i % 160 == 0 && received.ArrivalOf(i) < since) return false;
        }

        return false;
    }

    /// <summary>After the last statement: anything more heard, or a REFER, is the call going on.</summary>
    public async Task<IReadOnlyList<string>> RestAsync(CancellationToken ct)
    {
        var extra = new List<string>();
        if (_caller is null || _scanner is null) return extra;
        await SettleAsync(ct);
        var until = DateTime.UtcNow + options.Linger;
        while (DateTime.UtcNow < until && !_caller.Ended.IsCancellationRequested)
        {
            await Task.Delay(Poll, ct);
        }

        bool final = _caller.Ended.IsCancellationRequested;
        if (final) await Task.Delay(Drain, ct);
        if (_scanner.Next(_caller.Received.Snapshot(), _cursor, final, out bool started) is { } more)
        {
            extra.Add(Heard(more, ScriptStatementKind.ExpectPrompt).Describe());
        }
        else if (started && !final)
        {
            extra.Add("the server was still playing audio");
        }

        if (NextRefer() is { } refer) extra.Add(refer.Describe());
        NoteSip();
        return extra;
    }

    /// <summary>Waits for the recognised prompt to end (played out or cut) and puts its length in the transcript.</summary>
    private async Task SettleAsync(CancellationToken ct)
    {
        if (_playing is not { } playing) return;
        _playing = null;
        _cursor = playing.Start;
        var done = await NextHeardAsync(inProgress: false, ct);
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
    private async Task<HeardEvent?> NextHeardAsync(bool inProgress, CancellationToken ct)
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
}
