using VikaIvr.Flows.Scripting;

namespace VikaIvr.Flows.Tests;

/// <summary>The statements' one meaning, whatever caller runs them (here a caller that replays outputs).</summary>
public sealed class ScriptInterpreterTests
{
    private const string Head = "call 165 from 0811\nexpect prompt welcome\n";

    [Fact]
    public async Task Transfer_then_hangup_passes_and_the_transfer_uri_ignores_case()
    {
        var caller = new ReplayCaller(Prompt("welcome"), Prompt("transfer"), Out(ScriptOutputKind.Transfer, "sip:Agent@localhost"), Out(ScriptOutputKind.Hangup));
        var r = await Run(Head + "press 0\nexpect prompt transfer\nexpect transfer sip:agent@localhost\nexpect hangup\n", caller);
        Assert.True(r.Passed, r.Format());
        Assert.Equal(["0"], caller.Pressed);
    }

    [Fact]
    public async Task Anything_else_after_the_last_statement_fails_on_the_last_line()
    {
        var caller = new ReplayCaller(Prompt("welcome")) { Rest = ["prompt main-menu"] };
        var r = await Run(Head, caller);
        var f = Assert.Single(r.Failures);
        Assert.Equal(2, f.Line);
        Assert.Equal("the call went on: prompt main-menu", f.Actual);
    }

    [Fact]
    public async Task A_mismatch_names_the_line_what_was_expected_and_what_came()
    {
        var r = await Run(Head + "expect hangup\n", new ReplayCaller(Prompt("welcome"), Prompt("main-menu")));
        var f = Assert.Single(r.Failures);
        Assert.Equal((3, "hangup"), (f.Line, f.Expected));
        Assert.Equal("got prompt main-menu at 1.000 s", f.Actual);
        Assert.Equal("prompt main-menu", f.Got?.Describe());
        Assert.Equal((2, 0), (r.Checked, r.Unchecked));
    }

    [Fact]
    public async Task Expectations_the_caller_cannot_notice_are_counted_not_checkable_and_not_asked_for()
    {
        var caller = new ReplayCaller(Prompt("welcome"), Prompt("goodbye"), Out(ScriptOutputKind.Hangup))
        {
            Checks = [ScriptStatementKind.ExpectPrompt, ScriptStatementKind.ExpectHangup],
        };
        var r = await Run(Head + "press 1\nexpect say \"Budi Santoso\"\nexpect record\nexpect playback 3s\nexpect prompt goodbye\nexpect hangup\n", caller);
        Assert.True(r.Passed, r.Format());
        Assert.Equal((3, 3), (r.Checked, r.Unchecked));
        Assert.Equal([ScriptStatementKind.ExpectPrompt, ScriptStatementKind.ExpectPrompt, ScriptStatementKind.ExpectHangup], caller.Asked);
        Assert.Contains("3 expectations not checkable by this caller", r.Format(), StringComparison.Ordinal);

        // What it can notice is still matched strictly in order.
        caller = new ReplayCaller(Prompt("welcome"), Prompt("goodbye")) { Checks = [ScriptStatementKind.ExpectPrompt] };
        r = await Run(Head + "expect say \"Budi\"\nexpect prompt after-result\n", caller);
        Assert.Equal((4, "got prompt goodbye at 1.000 s"), (Assert.Single(r.Failures).Line, r.Failures[0].Actual));
        Assert.Equal((2, 1), (r.Checked, r.Unchecked));
    }

    [Fact]
    public async Task Keys_after_the_call_ended_fail_and_the_script_stops()
    {
        var caller = new ReplayCaller(Prompt("welcome")) { CallEnded = true };
        var r = await Run(Head + "press 3171011708850001#\nexpect prompt enter-id\n", caller);
        var f = Assert.Single(r.Failures);
        Assert.Equal(3, f.Line);
        Assert.Equal("to press 3171*********001#", f.Expected);
        Assert.DoesNotContain("3171011708850001", f.Expected, StringComparison.Ordinal);
        Assert.True(caller.Stopped);
    }

    [Fact]
    public async Task Say_matches_the_words_in_order_and_a_caller_problem_fails_it()
    {
        var said = new ScriptOutput(ScriptOutputKind.Say, "", TimeSpan.FromSeconds(1)) { Words = "peserta atas nama budi santoso kelas tiga" };
        var r = await Run(Head + "expect say \"Budi Santoso\" \"kelas tiga\"\n", new ReplayCaller(Prompt("welcome"), said));
        Assert.True(r.Passed, r.Format());

        r = await Run(Head + "expect say \"kelas tiga\" \"Budi Santoso\"\n", new ReplayCaller(Prompt("welcome"), said));
        Assert.Contains("\"Budi Santoso\" is not in the utterance", Assert.Single(r.Failures).Actual, StringComparison.Ordinal);

        var unknown = new ScriptOutput(ScriptOutputKind.Say, "", TimeSpan.FromSeconds(1)) { Problem = "speech that is not the sentence synthesized here" };
        r = await Run(Head + "expect say \"budi\"\n", new ReplayCaller(Prompt("welcome"), unknown));
        Assert.Equal("speech that is not the sentence synthesized here", Assert.Single(r.Failures).Actual);
    }

    [Fact]
    public async Task Playback_length_is_matched_within_the_callers_tolerance()
    {
        var playback = new ScriptOutput(ScriptOutputKind.Playback, "", TimeSpan.FromSeconds(1)) { Duration = TimeSpan.FromSeconds(3.2) };
        var r = await Run(Head + "expect playback 3s\n", new ReplayCaller(Prompt("welcome"), playback) { Tolerance = TimeSpan.FromMilliseconds(250) });
        Assert.True(r.Passed, r.Format());
        r = await Run(Head + "expect playback 3s\n", new ReplayCaller(Prompt("welcome"), playback) { Tolerance = TimeSpan.FromMilliseconds(20) });
        Assert.False(r.Passed);
    }

    private static Task<ScriptResult> Run(string text, ReplayCaller caller) =>
        ScriptInterpreter.RunAsync(ScriptParser.Parse(text, "t.vks"), caller, CancellationToken.None);

    private static ScriptOutput Prompt(string id) => new(ScriptOutputKind.Prompt, id, TimeSpan.FromSeconds(1));

    private static ScriptOutput Out(ScriptOutputKind kind, string value = "") => new(kind, value, TimeSpan.FromSeconds(1));

    private sealed class ReplayCaller(params ScriptOutput[] outputs) : IScriptCaller
    {
        private readonly Queue<ScriptOutput> _outputs = new(outputs);

        public List<string> Pressed { get; } = [];
        public IReadOnlyList<string> Rest { get; init; } = [];
        public bool CallEnded { get; init; }
        public bool Stopped { get; private set; }
        public TimeSpan Tolerance { get; init; } = TimeSpan.FromMilliseconds(20);
        public HashSet<ScriptStatementKind>? Checks { get; init; }
        public List<ScriptStatementKind> Asked { get; } = [];
        public string WhyNothing => "the call had ended (test)";
        public TimeSpan PlaybackTolerance => Tolerance;

        public void SetClock(DateTimeOffset time) { }
        public Task<string?> DialAsync(string called, string from, CancellationToken ct) => Task.FromResult<string?>(null);
        public void FailNextTransfer() { }

        public Task<bool> PressAsync(string keys, TimeSpan gap, CancellationToken ct)
        {
            if (CallEnded) return Task.FromResult(false);
            Pressed.Add(keys);
            return Task.FromResult(true);
        }

        public Task SpeakAsync(TimeSpan duration, CancellationToken ct) => Task.CompletedTask;
        public Task WaitAsync(TimeSpan duration, CancellationToken ct) => Task.CompletedTask;
        public Task HangupAsync(CancellationToken ct) => Task.CompletedTask;
        public bool CanCheck(ScriptStatementKind expectation) => Checks?.Contains(expectation) ?? true;

        public Task<ScriptOutput?> NextOutputAsync(ScriptStatementKind expecting, CancellationToken ct)
        {
            Asked.Add(expecting);
            return Task.FromResult(_outputs.TryDequeue(out var o) ? o : null);
        }

        public Task<IReadOnlyList<string>> RestAsync(CancellationToken ct) =>
            Task.FromResult(Rest);

        public Task<IReadOnlyList<ScriptError>> StopAsync(CancellationToken ct)
        {
            Stopped = true;
            return Task.FromResult<IReadOnlyList<ScriptError>>([]);
        }

        public string? Explains(Exception ex) => null;
        public ScriptResult Result(string file, IReadOnlyList<ScriptError> failures) => new(file, failures, []);
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
