namespace VikaIvr.Flows.Scripting;

/// <summary>
/// The one meaning of the call-script language, for `vika simulate`, `simulate --target` and `vika load --script` alike:
/// runs a script's statements in order against a <see cref="IScriptCaller"/> and matches each
/// `expect` against the next thing the caller noticed, strictly in order. After the last statement
/// anything the call still does (other than the server hanging up) fails the script. An expectation
/// the caller cannot notice (<see cref="IScriptCaller.CanCheck"/>) is counted as not checkable and
/// passed over without asking the caller for an output.
/// </summary>
public static class ScriptInterpreter
{
    public static async Task<ScriptResult> RunAsync(CallScript script, IScriptCaller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(caller);
        var run = new Run(script, caller, ct);
        return await run.ExecuteAsync();
    }

    private sealed class Run(CallScript script, IScriptCaller caller, CancellationToken ct)
    {
        private readonly List<ScriptError> _failures = [];
        private bool _dialled;
        private int _checked;
        private int _unchecked;

        public async Task<ScriptResult> ExecuteAsync()
        {
            int lastLine = 1;
            try
            {
                // The call happens at the script's clock, wherever the clock line stands before the call.
                foreach (var st in script.Statements)
                {
                    if (st.Kind == ScriptStatementKind.Call) break;
                    if (st.Kind == ScriptStatementKind.Clock) caller.SetClock(st.Time!.Value);
                }

                foreach (var st in script.Statements)
                {
                    lastLine = st.Line;
                    if (!await StepAsync(st)) break;
                }

                if (_failures.Count == 0 && _dialled)
                {
                    var rest = await caller.RestAsync(ct);
                    if (rest.Count > 0) Fail(lastLine, "nothing more after the last statement", "the call went on: " + string.Join(", ", rest));
                }
            }
            catch (Exception ex) when (caller.Explains(ex) is { } expected)
            {
                Fail(lastLine, expected, ex.Message);
            }

            try
            {
                _failures.AddRange(await caller.StopAsync(ct));
            }
            catch (Exception ex) when (caller.Explains(ex) is { } expected)
            {
                Fail(0, expected, ex.Message);
            }

            return caller.Result(script.File, _failures) with { Checked = _checked, Unchecked = _unchecked };
        }

        private async Task<bool> StepAsync(ScriptStatement st)
        {
            switch (st.Kind)
            {
                case ScriptStatementKind.Clock:
                    return !_dialled || Fail(st.Line, "clock before call", "clock after the call started");
                case ScriptStatementKind.Call:
                    if (_dialled) return Fail(st.Line, "one call per script", "a second call statement");
                    _dialled = true;
                    return await caller.DialAsync(st.Value!, st.From!, ct) is not { } refused
                        || Fail(st.Line, "the call to be answered", refused);
                case ScriptStatementKind.TransferFails:
                    caller.FailNextTransfer();
                    return true;
            }

            if (!_dialled) return Fail(st.Line, "a call statement first", $"'{st.Source}' comes before any call");
            switch (st.Kind)
            {
                case ScriptStatementKind.Press:
                    return await caller.PressAsync(st.Value!, st.Duration, ct)
                        || Fail(st.Line, "to press " + KeyText.Mask(st.Value!), caller.WhyNothing);
                case ScriptStatementKind.Speak:
                    await caller.SpeakAsync(st.Duration, ct);
                    return true;
                case ScriptStatementKind.Wait:
                    await caller.WaitAsync(st.Duration, ct);
                    return true;
                case ScriptStatementKind.Hangup:
                    await caller.HangupAsync(ct);
                    return true;
                default:
                    if (!caller.CanCheck(st.Kind))
                    {
                        _unchecked++;
                        return true;
                    }

                    _checked++;
                    return await ExpectAsync(st);
            }
        }

        private async Task<bool> ExpectAsync(ScriptStatement st)
        {
            string expected = Expected(st);
            var ev = await caller.NextOutputAsync(st.Kind, ct);
            if (ev is null) return Fail(st.Line, expected, caller.WhyNothing);

            string got = $"got {ev.Describe()} at {ev.At.TotalSeconds:0.000} s";
            string at = $" at {ev.At.TotalSeconds:0.000} s";
            switch (st.Kind)
            {
                case ScriptStatementKind.ExpectPrompt:
                    return ev.Kind == ScriptOutputKind.Prompt && ev.Value == st.Value || Fail(st.Line, expected, got, ev);
                case ScriptStatementKind.ExpectTransfer:
                    return ev.Kind == ScriptOutputKind.Transfer && (st.Value is null || string.Equals(ev.Value, st.Value, StringComparison.OrdinalIgnoreCase))
                        || Fail(st.Line, expected, got, ev);
                case ScriptStatementKind.ExpectHangup:
                    return ev.Kind == ScriptOutputKind.Hangup || Fail(st.Line, expected, got, ev);
                case ScriptStatementKind.ExpectRecord:
                    return ev.Kind == ScriptOutputKind.Record || Fail(st.Line, expected, got, ev);
                case ScriptStatementKind.ExpectPlayback:
                    return ev.Kind == ScriptOutputKind.Playback
                        && (st.Duration <= TimeSpan.Zero || (ev.Duration - st.Duration).Duration() <= caller.PlaybackTolerance)
                        || Fail(st.Line, expected, got, ev);
                default:
                    if (ev.Kind != ScriptOutputKind.Say) return Fail(st.Line, expected, got, ev);
                    if (ev.Problem is { } problem) return Fail(st.Line, expected, problem, ev);
                    if (ev.Words is not { } words) return true;
                    return SpokenText.ContainsInOrder(words, st.Texts, out string? missing)
                        || Fail(st.Line, expected, $"\"{missing}\" is not in the utterance{at}: \"{SpokenText.Normalize(words)}\"", ev);
            }
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

        private bool Fail(int line, string expected, string actual, ScriptOutput? got = null)
        {
            _failures.Add(new ScriptError(script.File, line, expected, actual) { Got = got });
            return false;
        }
    }
}
