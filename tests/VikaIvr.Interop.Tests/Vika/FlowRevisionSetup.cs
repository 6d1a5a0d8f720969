using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Media.Audio;
using Caller = VikaIvr.Testing.Caller;

namespace VikaIvr.Interop.Tests.Vika;

/// <summary>
/// A server whose flow can change under it: its own prompt folder, where the vika-menu prompt is a
/// 440 Hz tone (so a caller can tell it from the speech of every other prompt), and its own copy of
/// the VIKA flow file. <see cref="ChangedYaml"/> is the flow with vika-menu playing info-menu instead.
/// </summary>
internal sealed class FlowRevisionSetup : IDisposable
{
    public FlowRevisionSetup()
    {
        Root = Directory.CreateTempSubdirectory("vika-interop-flow-").FullName;
        Prompts = Path.Combine(Root, "prompts");
        CopyFolder(Path.Combine(RepoPaths.Root, "prompts"), Prompts);
        using (var wav = File.Create(Path.Combine(Prompts, "id", "vika-menu.wav")))
        {
            WavWriter.Write(wav, ToneShare.Tone(8 * 8000), 8000);
        }

        OriginalYaml = File.ReadAllText(Path.Combine(RepoPaths.Root, "config", "flows", "vika.yaml"));
        Assert.Contains("    prompt: vika-menu\n", OriginalYaml, StringComparison.Ordinal);
        ChangedYaml = OriginalYaml.Replace("    prompt: vika-menu\n", "    prompt: info-menu\n", StringComparison.Ordinal);
        FlowFile = Path.Combine(Root, "vika.yaml");
        File.WriteAllText(FlowFile, OriginalYaml);
    }

    public string Root { get; }
    public string Prompts { get; }
    public string FlowFile { get; }
    public string OriginalYaml { get; }
    public string ChangedYaml { get; }

    public ServerOptions Options => new()
    {
        Environment = new Dictionary<string, string>
        {
            ["VIKA_Prompts__Directory"] = Prompts,
            ["VIKA_Flow__File"] = FlowFile,
        },
    };

    /// <summary>`vika flow reload FILE` against this setup's server (its data folder, prompts and flow file).</summary>
    public Task<ProcessResult> ReloadAsync(ServerProcess server, string file, params string[] arguments) =>
        server.RunCliAsync(["flow", "reload", file, .. arguments, "--prompts", Prompts, "--flow", FlowFile], TimeSpan.FromSeconds(60));

    /// <summary>`vika flow revisions` of this setup's server.</summary>
    public static Task<ProcessResult> RevisionsAsync(ServerProcess server) => server.RunCliAsync(["flow", "revisions"], TimeSpan.FromSeconds(60));

    public static async Task<Caller.TestCaller> DialAsync(ServerProcess server, CancellationToken ct)
    {
        var caller = await Caller.TestCaller.DialAsync($"sip:165@127.0.0.1:{server.SipPort}", new Caller.TestCallerOptions(), null, ct);
        Assert.True(caller.IsEstablished, $"{caller.FinalResponse?.StatusCode}\n{server.Output}");
        return caller;
    }

    /// <summary>
    /// Once the main menu plays (the welcome heard), presses 1 for the VIKA menu and listens to what
    /// follows: the highest 440 Hz share of any second of it (near 1: the tone prompt, low: speech).
    /// </summary>
    public async Task<double> VikaMenuToneAsync(ServerProcess server, Caller.TestCaller caller, CancellationToken ct)
    {
        int welcome = Samples("welcome");
        await AudioAsync(server, caller, welcome + 4000, ct);
        int from = caller.Received.SampleCount;
        await caller.SendDigitsAsync("1", TimeSpan.Zero, ct);
        var heard = await AudioAsync(server, caller, from + (6 * 8000), ct);
        double best = 0;
        for (int start = from; start + 8000 <= heard.Length; start += 2000)
        {
            best = Math.Max(best, ToneShare.Of(heard.AsSpan(start, 8000)));
        }

        return best;
    }

    /// <summary>Waits (bounded) until the caller has heard <paramref name="samples"/> samples.</summary>
    private static async Task<short[]> AudioAsync(ServerProcess server, Caller.TestCaller caller, int samples, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(40);
        while (caller.Received.SampleCount < samples)
        {
            Assert.False(caller.Ended.IsCancellationRequested, $"the call ended after {caller.Received.Duration.TotalSeconds:0.0} s of audio\n{server.Output}");
            Assert.True(DateTime.UtcNow < deadline, $"only {caller.Received.Duration.TotalSeconds:0.0} s of audio heard\n{server.Output}");
            await Task.Delay(50, ct);
        }

        return caller.Received.Snapshot();
    }

    public static async Task WaitForOutputAsync(ServerProcess server, string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!server.Output.Contains(text, StringComparison.Ordinal))
        {
            // An exited server can log nothing more: say so at once (a signal that ended it shows here).
            Assert.False(server.HasExited, $"the server exited while we waited for '{text}'\n{server.Output}");
            if (DateTime.UtcNow >= deadline) Assert.Fail($"the server did not log '{text}' within 20 s (its signals: {server.SignalState})\n{server.Output}");
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }

    private int Samples(string promptId)
    {
        var (samples, rate) = WavFile.Read(Path.Combine(Prompts, "id", promptId + ".wav"));
        return (int)((long)samples.Length * 8000 / rate);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (string dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }
}
