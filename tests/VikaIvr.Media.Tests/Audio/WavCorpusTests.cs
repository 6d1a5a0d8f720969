using VikaIvr.Media.Audio;

namespace VikaIvr.Media.Tests.Audio;

/// <summary>Every file of the odd-WAV corpus: read as sox reads it, or refused with the file and the cause.</summary>
public sealed class WavCorpusTests(WavCorpusFixture corpus) : IClassFixture<WavCorpusFixture>
{
    public static TheoryData<string> Readable() => Names(broken: false);

    public static TheoryData<string> Broken() => Names(broken: true);

    [Theory]
    [MemberData(nameof(Readable))]
    public void Reads_the_samples_sox_reads_within_one_lsb(string name)
    {
        var file = Find(name);
        var reference = WavCorpus.SoxMono(corpus.PathOf(file.Reference!));

        var audio = WavReader.Read(corpus.PathOf(name));

        Assert.Equal(reference.Length, audio.Samples.Length);
        var lsb = 1.0 / (1L << (file.Bits - 1));
        for (var i = 0; i < reference.Length; i++)
        {
            Assert.True(Math.Abs(audio.Samples[i] - reference[i]) <= lsb, $"{name}: sample {i} is {audio.Samples[i]}, sox reads {reference[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void Broken_files_are_refused_naming_the_file_and_the_cause(string name)
    {
        var file = Find(name);
        var path = corpus.PathOf(name);

        var error = Assert.Throws<WavFormatException>(() => WavReader.Read(path));

        Assert.StartsWith($"{path}: ", error.Message);
        Assert.Contains(file.Fault!, error.Fault);
    }

    [Fact]
    public void The_corpus_holds_every_variant_the_import_must_take()
    {
        var readable = WavCorpus.Files.Where(f => f.Reference is not null).Select(f => f.Name).ToArray();
        Assert.Equal(19, readable.Length);
        Assert.Equal(6, WavCorpus.Files.Length - readable.Length);

        // The channel counts and codings operators bring, checked on the files themselves.
        Assert.Equal(6, WavReader.Read(corpus.PathOf("pcm16-6ch.wav")).Source!.Channels);
        Assert.True(WavReader.Read(corpus.PathOf("pcm24-extensible.wav")).Source!.Extensible);
        Assert.False(WavReader.Read(corpus.PathOf("pcm24.wav")).Source!.Extensible);
        Assert.Equal(WavSampleFormat.MuLaw, WavReader.Read(corpus.PathOf("mulaw.wav")).Source!.Format);
        Assert.Equal(WavSampleFormat.ALaw, WavReader.Read(corpus.PathOf("alaw.wav")).Source!.Format);
        Assert.Equal(WavSampleFormat.Float, WavReader.Read(corpus.PathOf("float64.wav")).Source!.Format);
        Assert.Equal(8, WavReader.Read(corpus.PathOf("u8.wav")).Source!.BitsPerSample);
    }

    private static WavCorpusFile Find(string name) => WavCorpus.Files.Single(f => f.Name == name);

    private static TheoryData<string> Names(bool broken)
    {
        var data = new TheoryData<string>();
        foreach (var file in WavCorpus.Files.Where(f => (f.Reference is null) == broken))
        {
            data.Add(file.Name);
        }

        return data;
    }
}
