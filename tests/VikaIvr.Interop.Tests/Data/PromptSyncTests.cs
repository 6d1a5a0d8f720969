using VikaIvr.Data;
using VikaIvr.Data.PromptVersions;
using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Media.Audio;

namespace VikaIvr.Interop.Tests.Data;

/// <summary>
/// A prompt version another node wrote to the shared PostgreSQL database reaches this node's prompt
/// folder through `vika serve`'s prompt sync (the old version kept in history); its own versions are not re-applied.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class PromptSyncTests : IAsyncLifetime
{
    private readonly string _prompts = Path.Combine(Path.GetTempPath(), "vika-interop-prompts-" + Guid.NewGuid().ToString("N")[..8]);
    private PostgresInstance? _postgres;

    public async Task InitializeAsync()
    {
        CopyFolder(Path.Combine(RepoPaths.Root, "prompts"), _prompts);
        _postgres = await PostgresInstance.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_postgres is not null) await _postgres.DisposeAsync();
        try { Directory.Delete(_prompts, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_version_recorded_on_another_node_is_applied_to_this_nodes_prompt_folder()
    {
        var postgres = _postgres!;
        await using var server = await ServerProcess.StartAsync(new ServerOptions
        {
            Environment = new Dictionary<string, string>
            {
                ["VIKA_Data__Provider"] = "postgres",
                ["VIKA_Data__ConnectionString"] = postgres.ConnectionString,
                ["VIKA_Server__NodeId"] = "node-b",
                ["VIKA_Prompts__Directory"] = _prompts,
            },
        });
        string goodbye = Path.Combine(_prompts, "id", "goodbye.wav");
        byte[] before = await File.ReadAllBytesAsync(goodbye);

        await using var db = new PostgresDatabase(postgres.ConnectionString);
        var store = new PromptVersionStore(db);
        // Its own version (already in its folder) is skipped; another node's is applied.
        await store.AddAsync("welcome", Tone(440), "phone", "node-b", null, DateTimeOffset.UtcNow, default);
        var other = await store.AddAsync("goodbye", Tone(660), "phone", "node-a", null, DateTimeOffset.UtcNow, default);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!server.Output.Contains("Prompt goodbye version 1 from node node-a applied", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "the version was not applied within 20 s\n" + server.Output);
            await Task.Delay(200);
        }

        Assert.NotEqual(before, await File.ReadAllBytesAsync(goodbye));
        var applied = WavReader.Read(goodbye);
        Assert.Equal(8000, applied.SampleRate);
        Assert.Equal(8000, applied.Samples.Length);
        Assert.Single(Directory.GetFiles(Path.Combine(_prompts, "history", "goodbye"), "*.wav"));
        Assert.False(Directory.Exists(Path.Combine(_prompts, "history", "welcome")), "its own version was applied again");
        Assert.Equal(other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (await File.ReadAllTextAsync(Path.Combine(server.DataDir, "prompt-versions.bookmark"))).Trim());
    }

    /// <summary>One second of a tone at 8 kHz as a 16-bit mono WAV file.</summary>
    private static byte[] Tone(double hz)
    {
        var samples = new short[8000];
        for (int i = 0; i < samples.Length; i++) samples[i] = (short)(8000 * Math.Sin(2 * Math.PI * hz * i / 8000));
        using var wav = new MemoryStream();
        WavWriter.Write(wav, samples, 8000);
        return wav.ToArray();
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
