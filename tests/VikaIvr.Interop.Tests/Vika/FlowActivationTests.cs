using System.Globalization;
using VikaIvr.Interop.Tests.Harness;
using Xunit.Abstractions;

namespace VikaIvr.Interop.Tests.Vika;

/// <summary>
/// A flow revision activated while `vika serve` runs (by `vika flow reload` or SIGHUP) is what the
/// next call runs, while a call already in progress finishes on the revision it started with. The
/// revision changes the VIKA menu's prompt from a tone to speech, so each caller's ears tell which
/// revision it runs; an invalid revision is refused with its line and changes nothing.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class FlowActivationTests(ITestOutputHelper output) : IDisposable
{
    private readonly FlowRevisionSetup _setup = new();

    [Fact]
    public async Task After_flow_reload_a_new_call_runs_the_new_revision_while_the_call_in_progress_finishes_on_the_old_one()
    {
        await using var server = await ServerProcess.StartAsync(_setup.Options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        var ct = timeout.Token;
        await FlowRevisionSetup.WaitForOutputAsync(server, "Flow revision 1 (source file");

        await using var inProgress = await FlowRevisionSetup.DialAsync(server, ct);
        string changed = Path.Combine(_setup.Root, "changed.yaml");
        await File.WriteAllTextAsync(changed, _setup.ChangedYaml, ct);
        var reload = await _setup.ReloadAsync(server, changed, "--comment", "vika-menu speaks info-menu");
        Assert.True(reload.ExitCode == 0, reload.Describe());
        Assert.Contains("revision 2 activated", reload.StdOut, StringComparison.Ordinal);
        await FlowRevisionSetup.WaitForOutputAsync(server, "Flow revision 2 activated by");

        double oldTone = await _setup.VikaMenuToneAsync(server, inProgress, ct);
        await using var next = await FlowRevisionSetup.DialAsync(server, ct);
        double newTone = await _setup.VikaMenuToneAsync(server, next, ct);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"440 Hz share after 1: call in progress {oldTone:0.00}, new call {newTone:0.00}"));
        await inProgress.HangupAsync(ct);
        await next.HangupAsync(ct);

        Assert.True(oldTone > 0.6, $"the call in progress did not hear the old revision's tone prompt (share {oldTone:0.00})");
        Assert.True(newTone < 0.3, $"the new call heard the tone: it ran the old revision (share {newTone:0.00})");
        foreach (var id in new[] { inProgress.Call.CallId, next.Call.CallId })
        {
            var record = await CdrReader.WaitForAsync(server, r => r.CallId == id, TimeSpan.FromSeconds(20));
            Assert.Contains("vika-menu", record.Nodes);
        }

        var revisions = await FlowRevisionSetup.RevisionsAsync(server);
        Assert.True(revisions.ExitCode == 0, revisions.Describe());
        output.WriteLine(revisions.StdOut);
        Assert.Contains("*    2", revisions.StdOut, StringComparison.Ordinal);
        Assert.Contains("vika-menu speaks info-menu", revisions.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flow_reload_refuses_an_invalid_flow_with_its_line_and_activates_nothing()
    {
        await using var server = await ServerProcess.StartAsync(_setup.Options);
        string broken = Path.Combine(_setup.Root, "broken.yaml");
        // The VIKA menu's first choice now leads nowhere.
        string yaml = _setup.OriginalYaml.Replace("      \"1\": choose-status\n", "      \"1\": nowhere\n", StringComparison.Ordinal);
        Assert.NotEqual(_setup.OriginalYaml, yaml);
        await File.WriteAllTextAsync(broken, yaml);
        int line = yaml[..yaml.IndexOf("\"1\": nowhere", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var reload = await _setup.ReloadAsync(server, broken);

        Assert.True(reload.ExitCode == 1, reload.Describe());
        Assert.Contains(FormattableString.Invariant($"{broken}:{line}: "), reload.StdErr, StringComparison.Ordinal);
        Assert.Contains("nothing activated", reload.StdErr, StringComparison.Ordinal);
        var revisions = await FlowRevisionSetup.RevisionsAsync(server);
        Assert.True(revisions.ExitCode == 0, revisions.Describe());
        Assert.Equal(1, revisions.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("Flow revision 2", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sighup_activates_the_edited_flow_file_for_new_calls_and_refuses_an_invalid_edit()
    {
        await using var server = await ServerProcess.StartAsync(_setup.Options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = timeout.Token;

        // An invalid edit first: refused with its line, the server keeps running revision 1.
        await File.WriteAllTextAsync(_setup.FlowFile, _setup.OriginalYaml.Replace("start: welcome", "start: nowhere", StringComparison.Ordinal), ct);
        await HangUpSignalAsync(server);
        await FlowRevisionSetup.WaitForOutputAsync(server, "is invalid (");
        Assert.Contains(_setup.FlowFile + ":", server.Output, StringComparison.Ordinal);
        Assert.False(server.HasExited, server.Output);

        await File.WriteAllTextAsync(_setup.FlowFile, _setup.ChangedYaml, ct);
        await HangUpSignalAsync(server);
        await FlowRevisionSetup.WaitForOutputAsync(server, "Flow revision 2 activated by SIGHUP");

        await using var next = await FlowRevisionSetup.DialAsync(server, ct);
        double tone = await _setup.VikaMenuToneAsync(server, next, ct);
        await next.HangupAsync(ct);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"440 Hz share after 1 on revision 2: {tone:0.00}"));
        Assert.True(tone < 0.3, $"the call after SIGHUP heard the old revision's tone (share {tone:0.00})");
    }

    [Fact]
    public async Task Sighup_reloads_the_flow_file_when_serve_was_started_with_sighup_ignored()
    {
        // nohup (or a supervisor that ignores SIGHUP) hands the server an ignored SIGHUP: the
        // runtime would never install a handler for it, and every reload signal would be lost.
        await using var server = await ServerProcess.StartAsync(_setup.Options with { IgnoringHangup = true });

        await File.WriteAllTextAsync(_setup.FlowFile, _setup.OriginalYaml.Replace("start: welcome", "start: nowhere", StringComparison.Ordinal));
        await HangUpSignalAsync(server);
        await FlowRevisionSetup.WaitForOutputAsync(server, "is invalid (");
        Assert.False(server.HasExited, server.Output);
        // Logged at start, before the refusal on the same console stream.
        Assert.Contains("SIGHUP was ignored by the process that started serve", server.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _setup.Dispose();

    private static async Task HangUpSignalAsync(ServerProcess server)
    {
        var kill = await ProcessRunner.RunAsync("kill", ["-HUP", server.ProcessId.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
        Assert.True(kill.ExitCode == 0, kill.Describe());
    }
}
