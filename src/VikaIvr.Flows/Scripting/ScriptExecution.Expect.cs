using VikaIvr.Flows.Simulation;

namespace VikaIvr.Flows.Scripting;

internal sealed partial class ScriptExecution
{
    private async Task<bool> ExpectAsync(ScriptStatement st)
    {
        string expected = Expected(st);
        var ev = await NextOutputAsync();
        if (ev is null)
        {
            string why = _call!.Ended.IsCancellationRequested
                ? $"the call had ended ({_call.EndReason})"
                : $"nothing happened for {options.MaxSilence.TotalMinutes:0} min";
            return Fail(st.Line, expected, why);
        }

        string at = $" at {ev.At.TotalSeconds:0.000} s";
        switch (st.Kind)
        {
            case ScriptStatementKind.ExpectPrompt:
                if (ev.Kind != SimulatedEventKind.Prompt || ev.Value != st.Value) return Fail(st.Line, expected, "got " + ev.Describe() + at);
                break;
            case ScriptStatementKind.ExpectTransfer:
                if (ev.Kind != SimulatedEventKind.Transfer || (st.Value is not null && ev.Value != st.Value))
                    return Fail(st.Line, expected, "got " + ev.Describe() + at);
                break;
            case ScriptStatementKind.ExpectHangup:
                if (ev.Kind != SimulatedEventKind.Hangup) return Fail(st.Line, expected, "got " + ev.Describe() + at);
                break;
            case ScriptStatementKind.ExpectRecord:
                if (ev.Kind != SimulatedEventKind.Record) return Fail(st.Line, expected, "got " + ev.Describe() + at);
                break;
            case ScriptStatementKind.ExpectPlayback:
                if (ev.Kind != SimulatedEventKind.Playback) return Fail(st.Line, expected, "got " + ev.Describe() + at);
                if (st.Duration > TimeSpan.Zero && (ev.Duration - st.Duration).Duration() > PlaybackTolerance)
                    return Fail(st.Line, expected, "got " + ev.Describe() + at);
                break;
            case ScriptStatementKind.ExpectSay:
                if (ev.Kind != SimulatedEventKind.Say) return Fail(st.Line, expected, "got " + ev.Describe() + at);
                var (text, count) = await NextUtteranceAsync();
                if (!SpokenText.ContainsInOrder(text, st.Texts, out string? missing))
                    return Fail(st.Line, expected, $"\"{missing}\" is not in the utterance{at}: \"{SpokenText.Normalize(text)}\"");
                _consumed += count;
                _cursor = Max(_cursor, _clock.GetUtcNow());
                return true;
        }

        _consumed++;
        return true;
    }

    private static string Expected(ScriptStatement st) => st.Kind switch
    {
        ScriptStatementKind.ExpectPrompt => $"prompt {st.Value}",
        ScriptStatementKind.ExpectSay => "say " + string.Join(" ", st.Texts.Select(t => $"\"{t}\"")),
        ScriptStatementKind.ExpectTransfer => st.Value is null ? "a transfer" : $"transfer {st.Value}",
        ScriptStatementKind.ExpectRecord => "record",
        ScriptStatementKind.ExpectPlayback => st.Duration > TimeSpan.Zero ? $"playback ({st.Duration.TotalSeconds:0.00} s)" : "playback",
        _ => "hangup",
    };

    /// <summary>A recording is whole samples; a length written in a script is matched to 20 ms.</summary>
    private static readonly TimeSpan PlaybackTolerance = TimeSpan.FromMilliseconds(20);
}
