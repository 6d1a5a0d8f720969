using System.Text.RegularExpressions;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Cli;

/// <summary>`vika flow validate` and `vika simulate` on the shipped flow and scripts, and on broken copies.</summary>
[Collection(InteropCollection.Name)]
public sealed class FlowCliTests
{
    private static string ShippedFlow => Path.Combine(RepoPaths.Root, "config", "flows", "vika.yaml");

    private static string ShippedScript => Path.Combine(RepoPaths.Root, "tests", "scripts", "info-menu.vks");

    [Fact]
    public async Task The_shipped_flow_validates()
    {
        var result = await VikaCli.RunAsync("flow", "validate", ShippedFlow);

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains("valid", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_flow_reports_file_line_and_cause_for_each_error()
    {
        using var temp = new TempFolder();
        var lines = await File.ReadAllLinesAsync(ShippedFlow);
        var nextLine = Edit(lines, @"^(\s+next:\s*)\S+\s*$", "no-such-node");
        var timeoutLine = Edit(lines, @"^(\s+timeout:\s*)\S+\s*$", "soon");
        var broken = temp.File("broken.yaml");
        await File.WriteAllLinesAsync(broken, lines);

        var result = await VikaCli.RunAsync("flow", "validate", broken);
        var output = result.StdOut + result.StdErr;

        Assert.True(result.ExitCode != 0, result.Describe());
        Assert.Matches(new Regex(Regex.Escape($"{broken}:{nextLine}:") + ".*no-such-node"), output);
        Assert.Matches(new Regex(Regex.Escape($"{broken}:{timeoutLine}:") + ".*soon"), output);
    }

    [Fact]
    public async Task A_shipped_script_passes_in_simulation()
    {
        var result = await VikaCli.RunAsync("simulate", ShippedScript);

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains("1 passed, 0 failed", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_with_one_wrong_expect_fails_naming_its_file_and_line()
    {
        using var temp = new TempFolder();
        var lines = await File.ReadAllLinesAsync(ShippedScript);
        var last = Array.FindLastIndex(lines, l => l.StartsWith("expect prompt ", StringComparison.Ordinal));
        Assert.True(last >= 0, "the shipped script has no 'expect prompt' line");
        var prompt = lines[last]["expect prompt ".Length..].Trim();
        lines[last] = "expect prompt " + (prompt == "goodbye" ? "welcome" : "goodbye");
        var script = temp.File("wrong.vks");
        await File.WriteAllLinesAsync(script, lines);

        var result = await VikaCli.RunAsync("simulate", script);

        Assert.True(result.ExitCode != 0, result.Describe());
        Assert.Contains($"{script}:{last + 1}:", result.StdOut + result.StdErr, StringComparison.Ordinal);
    }

    /// <summary>Replaces the value of the first line matching <paramref name="pattern"/>; returns its 1-based number.</summary>
    private static int Edit(string[] lines, string pattern, string value)
    {
        var regex = new Regex(pattern);
        var index = Array.FindIndex(lines, l => regex.IsMatch(l));
        Assert.True(index >= 0, $"no line matching {pattern} in the shipped flow");
        lines[index] = regex.Replace(lines[index], "${1}" + value);
        return index + 1;
    }
}
