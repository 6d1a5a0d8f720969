namespace VikaIvr.Interop.Tests.Cli;

/// <summary>`vika` as a person types it: help for every command, and options a command does not take refused.</summary>
[Collection(Harness.InteropCollection.Name)]
public sealed class CommandLineTests
{
    [Fact]
    public async Task Help_lists_the_commands_and_exits_0()
    {
        var result = await VikaCli.RunAsync("--help");

        Assert.True(result.ExitCode == 0, result.Describe());
        foreach (var command in new[] { "serve", "cdr", "db", "sip", "flow", "simulate", "call", "prompts", "audio", "dtmf" })
        {
            Assert.Contains(command, result.StdOut, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Cdr_help_prints_its_usage_and_exits_0()
    {
        var result = await VikaCli.RunAsync("cdr", "--help");

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains("vika cdr [options]", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("--last", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("--json", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("--data", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_option_cdr_does_not_take_is_refused()
    {
        using var temp = new TempFolder();
        var result = await VikaCli.RunAsync("cdr", "--sip-port", "9", "--data", temp.Path);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("vika cdr: Unrecognized command or argument '--sip-port'", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StdOut.Trim());
    }
}
