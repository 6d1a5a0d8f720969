using VikaIvr.Speech.Prompts;

namespace VikaIvr.Speech.Tests.Prompts;

public class PromptManifestTests
{
    [Fact]
    public void Reads_ids_texts_files_languages_and_numbers()
    {
        var manifest = PromptManifest.Parse(PromptFixture.Manifest, "test.yaml");
        Assert.Equal(["welcome", "goodbye", "beep"], manifest.Prompts.Select(p => p.Id));
        Assert.True(manifest.TryGet("goodbye", out var bye));
        Assert.Equal("bye.wav", bye.File);
        Assert.Equal("id", bye.Language);
        Assert.Equal(Path.Combine("id", "bye.wav"), bye.RelativePath);
        Assert.True(manifest.TryGet("welcome", out var welcome));
        Assert.Equal("welcome.wav", welcome.File); // default file name
        Assert.True(manifest.TryGet("beep", out var beep));
        Assert.Equal(PromptKind.Tone, beep.Kind);
        Assert.True(manifest.TryGetByNumber(2, out var byNumber));
        Assert.Equal("goodbye", byNumber.Id);
    }

    [Theory]
    [InlineData("prompts:\n  - id: a\n    text: x\n  - id: a\n    text: y\n", "twice")]
    [InlineData("prompts:\n  - id: a\n    text: x\n    file: ../../etc/passwd\n", "plain file name")]
    [InlineData("prompts:\n  - id: a\n", "no text")]
    [InlineData("prompts:\n  - id: a\n    text: x\n    kind: music\n", "unknown kind")]
    [InlineData("prompts:\n  - id: a\n    text: x\n    number: 1\n  - id: b\n    text: y\n    number: 1\n", "share number")]
    [InlineData("prompts: [\n", "test.yaml:")]
    public void Reports_bad_manifests(string yaml, string expected)
    {
        var ex = Assert.Throws<PromptManifestException>(() => PromptManifest.Parse(yaml, "test.yaml"));
        Assert.Contains(expected, ex.Message);
    }
}
