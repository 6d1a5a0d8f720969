using System.Data.Common;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VikaIvr.Data;
using VikaIvr.Data.Audit;
using VikaIvr.Data.PromptVersions;
using VikaIvr.Media.Audio;
using VikaIvr.Server.Web.Prompts;
using VikaIvr.Speech.Prompts;
using VikaIvr.Speech.Text;

namespace VikaIvr.Server.Tests.Web;

/// <summary>Upload, refusal, history and restore: every change is a stored version and at once this node's prompt.</summary>
public sealed class PromptEditorTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("vika-editor-tests-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly List<string> _applied = [];
    private SqliteDatabase _db = null!;

    private string Prompts => Path.Combine(_root, "prompts");
    private string WelcomeWav => Path.Combine(Prompts, "id", "welcome.wav");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(Prompts, "id"));
        File.WriteAllText(Path.Combine(Prompts, PromptManifest.FileName), """
            language: id
            prompts:
              - id: welcome
                number: 1
                text: Selamat datang
              - id: goodbye
                number: 2
                text: Terima kasih
              - id: beep
                kind: tone
            """);
        // The shipped welcome: a synthesized placeholder.
        Library().SaveVersion("welcome", Speechy(8000, 1.0).Select(SampleConvert.ToPcm16).ToArray(),
            new PromptMetadata { Status = PromptStatus.Synthesized, Source = "espeak-ng/id" });
        _db = new SqliteDatabase(new SqliteDatabaseOptions { DataDirectory = Path.Combine(_root, "data") });
        await _db.InitializeAsync(_clock, default);
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_upload_becomes_the_next_version_and_this_nodes_prompt_keeping_the_placeholder_as_version_1()
    {
        var placeholder = File.ReadAllBytes(WelcomeWav);
        var editor = Editor();

        var change = await editor.UploadAsync("welcome", StereoWav(44100, 1.5), "studio.wav", PromptVersionSources.Console, "rina", default);

        Assert.Equal(2, change.Version);
        Assert.Equal(PromptStatus.Recorded, change.Prompt.Status);
        Assert.InRange(change.Prompt.Levels!.Duration.TotalSeconds, 1.49, 1.51);
        Assert.Equal(["welcome"], _applied);
        var history = await editor.HistoryAsync("welcome", default);
        Assert.Equal([(2, "console", "rina"), (1, "placeholder", "rina")], history.Select(v => (v.Version, v.Source, v.RecordedBy)));
        Assert.All(history, v => Assert.Equal("node-a", v.NodeId));
        Assert.Equal(placeholder, await editor.VersionWavAsync("welcome", 1, default));
        Assert.Equal(File.ReadAllBytes(WelcomeWav), await editor.VersionWavAsync("welcome", 2, default));
        Assert.Equal(WelcomeWav, editor.CurrentAudioPath("welcome"));
        Assert.Single(Directory.GetFiles(Path.Combine(Prompts, "history", "welcome"), "*.wav"));
        Assert.Equal(2, editor.Find("welcome", [])!.Version);

        // The second upload keeps no second first-version.
        var third = await editor.UploadAsync("welcome", StereoWav(16000, 0.8), "again.wav", PromptVersionSources.Console, "rina", default);
        Assert.Equal(3, third.Version);
        Assert.Equal(3, (await editor.HistoryAsync("welcome", default)).Count);
    }

    [Fact]
    public async Task A_restore_is_a_new_version_copying_the_old_one_and_a_placeholder_stays_a_placeholder()
    {
        var placeholder = File.ReadAllBytes(WelcomeWav);
        var editor = Editor();
        await editor.UploadAsync("welcome", StereoWav(44100, 1.5), "studio.wav", PromptVersionSources.Console, "rina", default);
        var uploaded = File.ReadAllBytes(WelcomeWav);

        var restored = await editor.RestoreAsync("welcome", 1, "admin", default);

        Assert.Equal(3, restored.Version);
        Assert.Equal(PromptStatus.Synthesized, restored.Prompt.Status);
        Assert.Equal(placeholder, File.ReadAllBytes(WelcomeWav));
        Assert.Equal(placeholder, await editor.VersionWavAsync("welcome", 3, default));
        var newest = (await editor.HistoryAsync("welcome", default))[0];
        Assert.Equal(("placeholder (restored v1)", "admin"), (newest.Source, newest.RecordedBy));
        Assert.Equal(3, editor.Find("welcome", [])!.Version);

        var again = await editor.RestoreAsync("welcome", 2, "admin", default);
        Assert.Equal((4, PromptStatus.Recorded), (again.Version, again.Prompt.Status));
        Assert.Equal(uploaded, File.ReadAllBytes(WelcomeWav));
        Assert.Equal("restored v2", (await editor.HistoryAsync("welcome", default))[0].Source);
        Assert.Equal(["welcome", "welcome", "welcome"], _applied);

        var audit = await new AuditLog(_db, _clock).GetLatestAsync(10, default);
        Assert.Equal(
            [("admin", "prompt.restore", "welcome", "version 4 = copy of version 2"), ("admin", "prompt.restore", "welcome", "version 3 = copy of version 1"),
             ("rina", "prompt.upload", "welcome", "version 2 from studio.wav (1.5 s)")],
            audit.Select(a => (a.Actor, a.Action, a.Subject, a.Detail)));
    }

    [Theory]
    [InlineData("mp3", PromptAudioRejection.NotWav)]
    [InlineData("silent", PromptAudioRejection.Silent)]
    [InlineData("long", PromptAudioRejection.TooLong)]
    public async Task A_refused_file_changes_nothing(string kind, PromptAudioRejection expected)
    {
        var before = File.ReadAllBytes(WelcomeWav);
        var editor = Editor();
        byte[] file = kind switch
        {
            "mp3" => [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0, 0xFF, 0xFB, 0x90, 0x64, .. new byte[400]],
            "silent" => WavWriter.ToBytes(new short[16000], 8000),
            _ => WavWriter.ToBytes(Speechy(8000, 61), 8000),
        };

        var ex = await Assert.ThrowsAsync<PromptAudioRejectedException>(() =>
            editor.UploadAsync("welcome", file, "upload.wav", PromptVersionSources.Console, "rina", default));

        Assert.Equal(expected, ex.Rejection);
        Assert.StartsWith("upload.wav: ", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(WelcomeWav));
        Assert.Empty(await editor.HistoryAsync("welcome", default));
        Assert.Empty(_applied);
        Assert.Empty(await new AuditLog(_db, _clock).GetLatestAsync(10, default));
    }

    [Fact]
    public async Task Unknown_prompts_and_versions_are_refused()
    {
        var editor = Editor();
        await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            editor.UploadAsync("nope", StereoWav(8000, 1), "x.wav", PromptVersionSources.Console, "rina", default));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => editor.RestoreAsync("welcome", 7, "rina", default));
        Assert.Null(editor.Find("nope", []));
        Assert.Null(editor.CurrentAudioPath("nope"));
        Assert.Null(editor.CurrentAudioPath("goodbye"));
        Assert.Null(await editor.VersionWavAsync("welcome", 1, default));
    }

    [Fact]
    public async Task When_the_database_refuses_the_prompt_stays_as_it_was()
    {
        var before = File.ReadAllBytes(WelcomeWav);
        var editor = new PromptEditor(Library(), new PromptVersionStore(new Unavailable()), new AuditLog(new Unavailable(), _clock), "node-a", _applied.Add, _clock, NullLogger<PromptEditor>.Instance);

        await Assert.ThrowsAsync<DataStoreException>(() =>
            editor.UploadAsync("welcome", StereoWav(8000, 1), "x.wav", PromptVersionSources.Console, "rina", default));

        Assert.Equal(before, File.ReadAllBytes(WelcomeWav));
        Assert.Empty(_applied);
    }

    [Fact]
    public async Task The_list_shows_every_prompt_with_status_levels_findings_and_version()
    {
        var editor = Editor();
        await editor.UploadAsync("welcome", StereoWav(44100, 1.5), "studio.wav", PromptVersionSources.Console, "rina", default);
        WavWriter.Write(Path.Combine(Prompts, "id", "beep.wav"), new short[4000], 8000);

        var overview = editor.List(["welcome", "beep", "transfer"]);

        Assert.Equal(["welcome", "goodbye", "beep"], overview.Prompts.Select(p => p.Id));
        var welcome = overview.Prompts[0];
        Assert.Equal((PromptStatus.Recorded, 2, true), (welcome.Prompt.Status, welcome.Version, welcome.UsedByFlow));
        Assert.Empty(welcome.Findings);
        var goodbye = overview.Prompts[1];
        Assert.Equal((PromptStatus.Missing, (int?)null, false), (goodbye.Prompt.Status, goodbye.Version, goodbye.UsedByFlow));
        Assert.Equal(PromptProblemKind.Missing, Assert.Single(goodbye.Findings).Kind);
        Assert.Equal(PromptProblemKind.Silent, Assert.Single(overview.Prompts[2].Findings).Kind);
        Assert.Equal("transfer", Assert.Single(overview.NotInManifest).PromptId);
    }

    private PromptLibrary Library() =>
        new(Prompts, null, new IndonesianNormalizer(), _clock, NullLogger<PromptLibrary>.Instance);

    private PromptEditor Editor() =>
        new(Library(), new PromptVersionStore(_db), new AuditLog(_db, _clock), "node-a", _applied.Add, _clock, NullLogger<PromptEditor>.Instance);

    private static float[] Speechy(int rate, double seconds)
    {
        var samples = new float[(int)(rate * seconds)];
        for (int i = 0; i < samples.Length; i++)
        {
            double t = i / (double)rate;
            samples[i] = (float)(0.2 * Math.Abs(Math.Sin(Math.PI * t * 3)) * Math.Sin(2 * Math.PI * 300 * t));
        }

        return samples;
    }

    /// <summary>A 16-bit stereo WAV (the media writer makes only mono files).</summary>
    private static byte[] StereoWav(int rate, double seconds)
    {
        var mono = Speechy(rate, seconds);
        var data = new byte[mono.Length * 4];
        for (int i = 0; i < mono.Length; i++)
        {
            short s = SampleConvert.ToPcm16(mono[i]);
            BitConverter.TryWriteBytes(data.AsSpan(i * 4), s);
            BitConverter.TryWriteBytes(data.AsSpan((i * 4) + 2), s);
        }

        using var wav = new MemoryStream();
        using var w = new BinaryWriter(wav);
        w.Write("RIFF"u8);
        w.Write(36 + data.Length);
        w.Write("WAVEfmt "u8);
        w.Write(16);
        w.Write((short)1);
        w.Write((short)2);
        w.Write(rate);
        w.Write(rate * 4);
        w.Write((short)4);
        w.Write((short)16);
        w.Write("data"u8);
        w.Write(data.Length);
        w.Write(data);
        w.Flush();
        return wav.ToArray();
    }

    private sealed class Unavailable : IDbConnectionFactory
    {
        public Task<DbConnection> OpenAsync(CancellationToken ct) => throw new DataStoreException("database unavailable (test)");
    }
}
