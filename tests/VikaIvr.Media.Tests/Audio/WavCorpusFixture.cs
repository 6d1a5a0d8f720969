using VikaIvr.Media.Tests.Codecs;

namespace VikaIvr.Media.Tests.Audio;

/// <summary>The odd-WAV corpus, built once per test class that needs it.</summary>
public sealed class WavCorpusFixture : IDisposable
{
    private readonly TempDirectory _directory = new();

    public WavCorpusFixture()
    {
        WavCorpus.Build(_directory.Path);
    }

    public string PathOf(string name) => _directory.File(name);

    public void Dispose() => _directory.Dispose();
}
