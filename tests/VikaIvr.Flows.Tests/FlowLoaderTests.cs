using VikaIvr.Flows.Loading;
using VikaIvr.Flows.Tests.Fakes;

namespace VikaIvr.Flows.Tests;

public sealed class FlowLoaderTests
{
    private static readonly FlowCheckContext Context = FlowCheckContext.For(new FakePrompts(), FakeActions.Create());

    private static IReadOnlyList<FlowError> Errors(string yaml) => FlowLoader.TryParse(yaml, "f.yaml", Context).Errors;

    private static void AssertError(string yaml, int line, string cause)
    {
        var errors = Errors(yaml);
        Assert.Contains(errors, e => e.Line == line && e.File == "f.yaml" && e.Cause.Contains(cause, StringComparison.Ordinal));
    }

    [Fact]
    public void The_shipped_flow_is_valid()
    {
        var errors = FlowLoader.Validate(Harness.FlowPath, Context);
        Assert.Empty(errors);
    }

    [Fact]
    public void Unknown_target_names_its_line() => AssertError("""
        start: a
        nodes:
          a:
            kind: play
            prompt: welcome
            next: nowhere
        """, 6, "unknown node 'nowhere'");

    [Fact]
    public void Unreachable_node_names_its_line() => AssertError("""
        start: a
        nodes:
          a:
            kind: hangup
          b:
            kind: hangup
        """, 5, "'b' is unreachable");

    [Fact]
    public void Duplicate_ids_name_both_lines() => AssertError("""
        start: a
        nodes:
          a:
            kind: hangup
          a:
            kind: hangup
        """, 5, "duplicate node id 'a' (first defined at line 3)");

    [Theory]
    [InlineData("0s", "must be positive")]
    [InlineData("-5s", "must be positive")]
    [InlineData("2h", "absurd")]
    [InlineData("soon", "must be a duration")]
    public void Bad_timeouts_name_their_line(string timeout, string cause) => AssertError($"""
        start: m
        nodes:
          m:
            kind: menu
            prompt: main-menu
            choices: {"{"} "1": end {"}"}
            timeout: {timeout}
            on-too-many: end
          end:
            kind: hangup
        """, 7, cause);

    [Fact]
    public void Missing_start_is_reported() => AssertError("""
        nodes:
          a:
            kind: hangup
        """, 1, "missing start");

    [Fact]
    public void Unknown_start_is_reported() => AssertError("""
        start: b
        nodes:
          a:
            kind: hangup
        """, 1, "start node 'b' does not exist");

    [Fact]
    public void Prompt_without_audio_is_reported() => AssertError("""
        start: a
        nodes:
          a:
            kind: play
            prompts: [welcome, no-such-prompt]
            next: b
          b:
            kind: hangup
        """, 5, "prompt 'no-such-prompt' has no audio");

    [Fact]
    public void Unknown_action_and_validator_are_reported()
    {
        const string yaml = """
            start: c
            nodes:
              c:
                kind: collect
                prompt: enter-id
                max-digits: 16
                validator: nik-or-passport
                variable: id
                on-too-many: end
                next: a
              a:
                kind: action
                action: launch-rocket
                outcomes: { ok: end }
              end:
                kind: hangup
            """;
        AssertError(yaml, 7, "unknown validator 'nik-or-passport'");
        AssertError(yaml, 13, "unknown action 'launch-rocket'");
    }

    [Fact]
    public void Unknown_kind_unknown_key_and_syntax_errors_have_lines()
    {
        AssertError("start: a\nnodes:\n  a:\n    kind: dance\n", 4, "unknown kind 'dance'");
        AssertError("start: a\nnodes:\n  a:\n    kind: hangup\n    colour: blue\n", 5, "unknown key 'colour'");
        AssertError("start: a\nnodes:\n  a:\n    kind: [hangup\n", 5, "YAML syntax");
    }

    [Fact]
    public void All_errors_are_listed_in_one_exception()
    {
        var ex = Assert.Throws<FlowValidationException>(() => FlowLoader.Parse("""
            start: a
            nodes:
              a:
                kind: play
                prompt: nope
                next: b
              c:
                kind: hangup
            """, "f.yaml", Context));
        Assert.True(ex.Errors.Count >= 3);
        Assert.Contains("f.yaml:5:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("f.yaml:6:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("f.yaml:7:", ex.Message, StringComparison.Ordinal);
    }
}
