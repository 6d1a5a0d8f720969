using VikaIvr.Flows.Loading;
using VikaIvr.Flows.Model;
using VikaIvr.Flows.Ports;
using VikaIvr.Flows.Tests.Fakes;

namespace VikaIvr.Flows.Tests;

public sealed class RecordingFlowTests
{
    private static string ScriptPath(string name) => Path.Combine(Harness.RepoRoot(), "tests", "scripts", "operator", name + ".vks");

    [Theory]
    [InlineData("record-and-save")]
    [InlineData("wrong-pin")]
    [InlineData("retries")]
    [InlineData("review-no-input")]
    public async Task Operator_scripts_pass(string name)
    {
        string path = ScriptPath(name);
        var r = await new RecordingHarness().RunAsync(File.ReadAllText(path), path);
        Assert.True(r.Passed, r.Format());
    }

    [Fact]
    public async Task Saving_stores_what_was_recorded_for_the_chosen_prompt()
    {
        var h = new RecordingHarness();
        string path = ScriptPath("record-and-save");
        var r = await h.RunAsync(File.ReadAllText(path), path);
        Assert.True(r.Passed, r.Format());
        Assert.Equal([("welcome", 3 * AudioClip.SampleRate)], h.Saved);
        Assert.Equal("prompt-saved", r.Record!.Outcome);
    }

    [Fact]
    public async Task The_pin_never_reaches_the_call_record()
    {
        var h = new RecordingHarness();
        var r = await h.RunAsync(File.ReadAllText(ScriptPath("wrong-pin")));
        Assert.True(r.Passed, r.Format());
        string all = string.Join("\n", r.Record!.Events) + string.Join("\n", r.Transcript.Where(l => !l.Contains("presses", StringComparison.Ordinal)));
        Assert.DoesNotContain("111111", all, StringComparison.Ordinal);
        Assert.DoesNotContain("12345678", all, StringComparison.Ordinal);
        Assert.Equal("too-many-attempts", r.Record.Outcome);
        Assert.Empty(h.Saved);
    }

    [Fact]
    public async Task A_wrong_playback_length_fails_on_its_line()
    {
        string script = File.ReadAllText(ScriptPath("record-and-save")).Replace("expect playback 3s", "expect playback 5s", StringComparison.Ordinal);
        var r = await new RecordingHarness().RunAsync(script, "wrong.vks");
        Assert.False(r.Passed);
        Assert.Equal(18, r.Failures[0].Line);
        Assert.Contains("playback (3.00 s)", r.Failures[0].Actual, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_no_flow_answers_fails_the_script()
    {
        var r = await new RecordingHarness().RunAsync("call 165 from 0811\nexpect prompt rec-welcome\n", "other.vks");
        Assert.False(r.Passed);
        Assert.Contains("no flow answers 165", r.Failures[0].Actual, StringComparison.Ordinal);
    }

    private const string ShortFlow = """
        start: rec
        nodes:
          rec:
            kind: record
            beep: beep
            max-duration: 4s
            silence-timeout: 2s
            variable: recording
            next: play
          play:
            kind: play
            clip: recording
            next: bye
          bye:
            kind: hangup
        """;

    private const string TooShortFlow = """
        start: rec
        nodes:
          rec:
            kind: record
            beep: beep
            max-duration: 10s
            silence-timeout: 3s
            min-duration: 500ms
            variable: recording
            on-too-short: again
            next: play
          again:
            kind: play
            prompt: rec-too-short
            next: bye
          play:
            kind: play
            clip: recording
            next: bye
          bye:
            kind: hangup
        """;

    [Theory]
    [InlineData("wait 2s\npress #", "a '#' after two seconds of silence")]
    [InlineData("press #", "an immediate '#'")]
    [InlineData("", "silence until the timeout")]
    [InlineData("speak 300ms\npress #", "a word shorter than min-duration")]
    public async Task A_recording_with_nothing_said_is_too_short_however_long_it_lasts(string caller, string what)
    {
        var h = new RecordingHarness();
        var flow = FlowLoader.Parse(TooShortFlow, "short.yaml", FlowCheckContext.For(new FakePrompts("beep", "rec-too-short"), h.Components()));
        var r = await h.RunAsync(flow, $"""
            call 16599 from 0811
            expect prompt beep
            expect record
            {caller}
            expect prompt rec-too-short
            expect hangup
            """);
        Assert.True(r.Passed, what + ": " + r.Format());
        Assert.Contains(r.Record!.Events, e => e.StartsWith("record rec: ", StringComparison.Ordinal) && e.Contains(" s of sound", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_word_after_silence_is_kept_whole_with_the_silence_before_it()
    {
        var h = new RecordingHarness();
        var flow = FlowLoader.Parse(TooShortFlow, "short.yaml", FlowCheckContext.For(new FakePrompts("beep", "rec-too-short"), h.Components()));
        var r = await h.RunAsync(flow, """
            call 16599 from 0811
            expect prompt beep
            expect record
            wait 2s
            speak 600ms
            press #
            expect playback 2.6s
            expect hangup
            """);
        Assert.True(r.Passed, r.Format());
        Assert.Contains("record rec: 2.6 s, 0.6 s of sound (Terminator)", r.Record!.Events);
    }

    [Fact]
    public async Task The_maximum_duration_ends_a_recording_that_goes_on()
    {
        var h = new RecordingHarness();
        var flow = FlowLoader.Parse(ShortFlow, "short.yaml", FlowCheckContext.For(new FakePrompts("beep"), h.Components()));
        var r = await h.RunAsync(flow, """
            call 16599 from 0811
            expect prompt beep
            expect record
            speak 10s
            press 5                # ignored while recording
            expect playback 4s
            expect hangup
            """);
        Assert.True(r.Passed, r.Format());
        Assert.Contains(r.Transcript, l => l.Contains("record (4.00 s, ended by the maximum duration)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Silence_ends_a_recording_and_keeps_the_silence()
    {
        var h = new RecordingHarness();
        var flow = FlowLoader.Parse(ShortFlow, "short.yaml", FlowCheckContext.For(new FakePrompts("beep"), h.Components()));
        var r = await h.RunAsync(flow, """
            call 16599 from 0811
            expect prompt beep
            expect record
            speak 1s
            expect playback 3s
            expect hangup
            """);
        Assert.True(r.Passed, r.Format());
    }

    [Fact]
    public void A_record_node_without_variable_or_with_a_bad_terminator_is_rejected()
    {
        var (_, errors) = FlowLoader.TryParse("""
            start: rec
            nodes:
              rec:
                kind: record
                terminator: x
                max-duration: 400ms
                next: bye
              bye:
                kind: hangup
            """, "bad.yaml");
        Assert.Contains(errors, e => e.ToString().Contains("missing 'variable'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.ToString().Contains("terminator 'x' is not a key", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.ToString().Contains("min-duration is not shorter", StringComparison.Ordinal));
    }

    [Fact]
    public void A_play_node_needs_a_prompt_or_a_clip()
    {
        var (_, errors) = FlowLoader.TryParse("""
            start: p
            nodes:
              p:
                kind: play
                next: bye
              bye:
                kind: hangup
            """, "bad.yaml");
        Assert.Contains(errors, e => e.ToString().Contains("missing 'prompt'", StringComparison.Ordinal));
        var flow = FlowLoader.Parse(File.ReadAllText(RecordingHarness.FlowPath), "recording.yaml");
        Assert.Equal("recording", ((PlayNode)flow["listen"]).Clip);
    }
}
