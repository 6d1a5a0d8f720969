using VikaIvr.Media.Audio;
using VikaIvr.Media.Tests.Codecs;

namespace VikaIvr.Media.Tests.Audio;

public sealed class WavErrorTests
{
    private static WavFormatException Fails(byte[] file, string name = "prompts/x.wav") =>
        Assert.Throws<WavFormatException>(() => WavReader.Read(file, name));

    [Fact]
    public void Truncated_data_chunk_names_file_and_sizes()
    {
        var file = new WavBytes().Chunk("fmt ", WavBytes.Fmt(1, 1, 8000, 16)).Chunk("data", new byte[800], declaredSize: 16000).Build();

        var error = Fails(file);

        Assert.Equal("prompts/x.wav: truncated data chunk (expected 16000 bytes, found 800)", error.Message);
        Assert.Equal("prompts/x.wav", error.FileName);
    }

    [Fact]
    public void Too_short_and_wrong_magic_are_reported()
    {
        Assert.Contains("prompts/x.wav: not a WAV file", Fails([1, 2, 3]).Message);
        Assert.Contains("not a RIFF/WAVE file (found 'OggS')", Fails("OggS\0\0\0\0\0\0\0\0\0\0\0\0"u8.ToArray()).Message);
        var riffAvi = "RIFF\0\0\0\0AVI "u8.ToArray();
        Assert.Contains("found 'AVI '", Fails(riffAvi).Message);
    }

    [Fact]
    public void Missing_chunks_are_reported()
    {
        Assert.EndsWith("no fmt chunk", Fails(new WavBytes().Chunk("LIST", new byte[4]).Build()).Message);
        Assert.EndsWith("no data chunk", Fails(new WavBytes().Chunk("fmt ", WavBytes.Fmt(1, 1, 8000, 16)).Build()).Message);
        Assert.EndsWith("data chunk before the fmt chunk", Fails(new WavBytes().Chunk("data", new byte[4]).Chunk("fmt ", WavBytes.Fmt(1, 1, 8000, 16)).Build()).Message);
    }

    [Fact]
    public void Bad_format_fields_are_reported()
    {
        static byte[] With(byte[] fmt) => new WavBytes().Chunk("fmt ", fmt).Chunk("data", new byte[4]).Build();

        Assert.Contains("unsupported format tag 0x0002 (MS ADPCM)", Fails(With(WavBytes.Fmt(2, 1, 8000, 4))).Message);
        Assert.Contains("0 channels", Fails(With(WavBytes.Fmt(1, 0, 8000, 16, blockAlign: 2))).Message);
        Assert.Contains("unsupported sample rate 0", Fails(With(WavBytes.Fmt(1, 1, 0, 16))).Message);
        Assert.Contains("unsupported 12 bits", Fails(With(WavBytes.Fmt(1, 1, 8000, 12, blockAlign: 2))).Message);
        Assert.Contains("block align 3 does not match", Fails(With(WavBytes.Fmt(1, 1, 8000, 16, blockAlign: 3))).Message);
        Assert.Contains("fmt chunk too short (14 bytes", Fails(With(new byte[14])).Message);
    }

    [Fact]
    public void Truncated_fmt_or_other_chunk_is_reported()
    {
        var fmtCut = new WavBytes().Chunk("fmt ", new byte[8], declaredSize: 16).Build();
        Assert.EndsWith("truncated fmt chunk (expected 16 bytes, found 8)", Fails(fmtCut).Message);

        var listCut = new WavBytes().Chunk("fmt ", WavBytes.Fmt(1, 1, 8000, 16)).Chunk("LIST", new byte[2], declaredSize: 100).Build();
        Assert.EndsWith("truncated 'LIST' chunk (expected 100 bytes, found 2)", Fails(listCut).Message);
    }

    [Fact]
    public void Extensible_with_a_foreign_guid_is_reported()
    {
        var fmt = WavBytes.ExtensibleFmt(1, 1, 8000, 16);
        fmt[30] = 0x77;
        Assert.Contains("unknown sub-format", Fails(new WavBytes().Chunk("fmt ", fmt).Chunk("data", new byte[2]).Build()).Message);
    }

    [Fact]
    public void A_missing_file_is_reported_with_its_path()
    {
        using var temp = new TempDirectory();
        var path = temp.File("nope.wav");
        var error = Assert.Throws<WavFormatException>(() => WavReader.Read(path));
        Assert.Equal($"{path}: file not found", error.Message);
    }

    [Fact]
    public void Streaming_size_placeholder_takes_the_rest_of_the_file()
    {
        var file = new WavBytes().Chunk("fmt ", WavBytes.Fmt(1, 1, 8000, 16)).Chunk("data", new byte[6], declaredSize: -1).Build();
        Assert.Equal(3, WavReader.Read(file, "p.wav").Samples.Length);
    }

    [Fact]
    public void Stdout_placeholder_of_sox_and_espeak_takes_the_rest_of_the_file()
    {
        var file = new WavBytes().Chunk("fmt ", WavBytes.Fmt(1, 1, 8000, 16)).Chunk("data", new byte[6], declaredSize: 0x7FFFF000).Build();
        Assert.Equal(3, WavReader.Read(file, "piped.wav").Samples.Length);
    }

    [Fact]
    public void A_zero_data_size_counts_as_a_placeholder_only_when_the_riff_size_is_zero_too()
    {
        var unfinished = new WavBytes().Chunk("fmt ", WavBytes.Fmt(1, 1, 8000, 16)).Chunk("data", new byte[6], declaredSize: 0).Build();
        BitConverter.GetBytes(0).CopyTo(unfinished, 4);
        Assert.Equal(3, WavReader.Read(unfinished, "unfinished.wav").Samples.Length);

        // A finished file may well hold an empty data chunk followed by other chunks.
        var empty = new WavBytes().Chunk("fmt ", WavBytes.Fmt(1, 1, 8000, 16)).Chunk("data", [], declaredSize: 0).Chunk("LIST", new byte[6]).Build();
        Assert.Empty(WavReader.Read(empty, "empty.wav").Samples);
    }

    [Fact]
    public void A_cut_file_below_the_placeholder_sizes_stays_an_error()
    {
        var file = new WavBytes().Chunk("fmt ", WavBytes.Fmt(1, 1, 8000, 16)).Chunk("data", new byte[6], declaredSize: 0x7FFFEFFE).Build();
        Assert.EndsWith("truncated data chunk (expected 2147479550 bytes, found 6)", Fails(file).Message);
    }
}
