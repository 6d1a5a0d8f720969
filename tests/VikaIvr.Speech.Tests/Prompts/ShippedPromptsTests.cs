using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Flows.Ports;
using VikaIvr.Media.Audio;
using VikaIvr.Speech.Prompts;
using VikaIvr.Speech.Text;

namespace VikaIvr.Speech.Tests.Prompts;

/// <summary>The prompts the repository ships under prompts/.</summary>
public class ShippedPromptsTests
{
    private static readonly string[] VikaPromptIds =
    [
        "welcome", "main-menu", "vika-menu", "enter-id", "enter-dob", "invalid-id", "not-verified",
        "too-many-attempts", "no-input", "invalid-choice", "after-result", "info-menu", "info-rehab",
        "info-channels", "info-registration", "transfer", "agents-busy", "system-busy", "goodbye", "beep",
    ];

    private static string PromptsRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "prompts", PromptManifest.FileName);
            if (File.Exists(candidate)) return Path.GetDirectoryName(candidate)!;
        }

        throw new InvalidOperationException("prompts/prompts.yaml not found above the test directory");
    }

    [Fact]
    public void Store_loads_every_vika_prompt_as_8_khz_speech()
    {
        var store = FilePromptStore.Open(PromptsRoot(), TimeProvider.System, NullLogger<FilePromptStore>.Instance);
        foreach (var id in VikaPromptIds)
        {
            Assert.True(store.Contains(id), id);
            var clip = store.Get(id);
            Assert.Equal(id, clip.Id);
            Assert.Equal(id == "beep" ? AudioClipKind.Tone : AudioClipKind.Prompt, clip.Kind);
            var levels = AudioLevels.Measure(clip.Samples.Span, AudioClip.SampleRate);
            Assert.False(levels.IsSilent, id);
            Assert.InRange(levels.Duration.TotalSeconds, 0.2, 60);
            Assert.NotEqual(PromptStatus.Missing, store.GetStatus(id));
        }

        Assert.Equal("Selamat datang di layanan BPJS Kesehatan Care Center 165.", store.Get("welcome").Text);
        Assert.Superset(new HashSet<string>(VikaPromptIds), new HashSet<string>(store.PromptIds));
    }

    [Fact]
    public void Shipped_prompts_pass_the_check()
    {
        var library = new PromptLibrary(PromptsRoot(), null, new IndonesianNormalizer(), TimeProvider.System, NullLogger<PromptLibrary>.Instance);
        Assert.Empty(library.Check(VikaPromptIds));
    }

    [Fact]
    public void Shipped_files_are_8_khz_16_bit_mono()
    {
        var library = new PromptLibrary(PromptsRoot(), null, new IndonesianNormalizer(), TimeProvider.System, NullLogger<PromptLibrary>.Instance);
        foreach (var info in library.List())
        {
            var (format, _) = WavReader.ReadInfo(File.ReadAllBytes(info.AudioPath), info.AudioPath);
            Assert.Equal(8000, format.SampleRate);
            Assert.Equal(1, format.Channels);
            Assert.Equal(16, format.BitsPerSample);
        }
    }

    [Fact]
    public void Every_manifest_text_normalises_without_digits()
    {
        var manifest = PromptManifest.Load(Path.Combine(PromptsRoot(), PromptManifest.FileName));
        var normalizer = new IndonesianNormalizer();
        foreach (var p in manifest.Prompts)
            Assert.DoesNotContain(normalizer.Normalize(p.Text), char.IsAsciiDigit);
    }
}
