using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Cli;

/// <summary>`vika serve`'s operating options: scheduling priority and the periodic health line.</summary>
[Collection(InteropCollection.Name)]
public sealed class ServeCliTests
{
    [Fact]
    public async Task An_unknown_priority_is_refused_at_start_naming_the_option()
    {
        using var temp = new TempFolder();
        var result = await VikaCli.RunAsync("serve", "--bind", "127.0.0.1", "--sip-port", "0", "--data", temp.File("data"), "--priority", "urgent");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--priority needs normal or high, not 'urgent'", result.StdErr + result.StdOut);
    }

    [Fact]
    public async Task A_port_already_in_use_is_refused_at_start_with_a_clear_message()
    {
        await using var first = await ServerProcess.StartAsync(new ServerOptions());
        using var temp = new TempFolder();
        var result = await VikaCli.RunAsync("serve", "--bind", "127.0.0.1", "--sip-port", first.SipPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--data", temp.File("data"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"vika serve: cannot listen on 127.0.0.1:{first.SipPort}: Address already in use", result.StdErr);
        Assert.DoesNotContain("Unhandled exception", result.StdErr + result.StdOut);
    }

    [Fact]
    public async Task The_readme_command_runs_a_precompiled_server_with_server_gc_and_no_tiered_jit()
    {
        // First use publishes the server (ReadyToRun) into .build/vika: allow for that.
        await using var server = await ServerProcess.StartAsync(new ServerOptions { ThroughWrapper = true, StartTimeout = TimeSpan.FromMinutes(4) });

        Assert.True(await server.AnswersOptionsAsync(TimeSpan.FromSeconds(5)), server.Output);
        var listening = server.Output.Split('\n').Single(l => l.Contains("VikaIvr listening on", StringComparison.Ordinal));
        Assert.Contains("runtime server GC, no tiered JIT", listening, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, ".build", "vika", "vika.dll")));
    }

    [Fact]
    public async Task An_unreadable_prompt_file_is_named_at_start_and_the_server_still_answers()
    {
        using var temp = new TempFolder();
        var prompts = temp.File("prompts");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "prompts"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(prompts, Path.GetRelativePath(Path.Combine(RepoPaths.Root, "prompts"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.WriteAllText(Path.Combine(prompts, "id", "goodbye.wav"), "this is not a wav file");
        await using var server = await ServerProcess.StartAsync(new ServerOptions { ExtraArguments = ["--prompts", prompts, "--log-level", "Information"] });

        Assert.True(await server.AnswersOptionsAsync(TimeSpan.FromSeconds(5)), server.Output);
        Assert.Contains("Prompt goodbye not loaded at start", server.Output, StringComparison.Ordinal);
        Assert.Contains("goodbye.wav", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_running_server_says_its_priority_and_logs_its_health_each_interval()
    {
        await using var server = await ServerProcess.StartAsync(new ServerOptions { ExtraArguments = ["--stats-seconds", "1", "--log-level", "Information"] });
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!server.Output.Contains("stats: ", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var output = server.Output;
        var listening = output.Split('\n').Single(l => l.Contains("VikaIvr listening on", StringComparison.Ordinal));
        // Root (or CAP_SYS_NICE) gets nice −10 on every thread; elsewhere the line says it was refused.
        Assert.Matches(@"priority (high \(nice -10 on \d+ threads\)|normal \(high refused: needs CAP_SYS_NICE\)), runtime (server|workstation) GC, (no )?tiered JIT", listening);
        var stats = output.Split('\n').First(l => l.Contains("stats: ", StringComparison.Ordinal));
        Assert.Matches(@"stats: 0 calls, allocated [\d.]+ MB/s, GC gen0/1/2 \d+/\d+/\d+ pausing [\d.]+ ms \(last: [^)]*\), media (no frames|\d+ frames late p99 [\d.]+ ms max [\d.]+ ms), CPU \d+ %, heap \d+ MB, working set \d+ MB, thread-pool queue \d+", stats);
    }
}
