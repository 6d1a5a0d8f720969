using VikaIvr.Flows.Loading;

namespace VikaIvr.Flows.Tests;

/// <summary>
/// Inputs the flow-yaml fuzz target (scripts/fuzz.sh flow-yaml) found crashing the loader, minimised
/// with afl-tmin: YamlDotNet's InvalidOperationException instead of a YamlException, and an end
/// event read as a value (the reader then ran past the end: EndOfStreamException). Each must come
/// back as one YAML syntax error with its line, never as an exception.
/// </summary>
public sealed class FlowLoaderFuzzFindingsTests
{
    [Theory]
    [InlineData(": [\n0", "malformed flow collection")]
    [InlineData(": {\n0", "malformed flow collection")]
    [InlineData("start: a\nsystem-busy: [x\nnodes:\n  a:\n    kind: hangup\n", "YAML syntax")]
    [InlineData("    :\n    :", "a value is missing")]
    public void Malformed_yaml_is_a_syntax_error_not_an_exception(string yaml, string cause)
    {
        var (flow, errors) = FlowLoader.TryParse(yaml, "f.yaml");

        Assert.Null(flow);
        var error = Assert.Single(errors);
        Assert.Equal("f.yaml", error.File);
        Assert.True(error.Line >= 1, $"line {error.Line}");
        Assert.StartsWith("YAML syntax: ", error.Cause, StringComparison.Ordinal);
        Assert.Contains(cause, error.Cause, StringComparison.Ordinal);
    }
}
