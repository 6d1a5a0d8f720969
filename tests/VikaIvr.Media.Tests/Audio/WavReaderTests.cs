using System.Buffers.Binary;
using VikaIvr.Media.Audio;
using VikaIvr.Media.Codecs;
using VikaIvr.Media.Tests.Codecs;

namespace VikaIvr.Media.Tests.Audio;

public sealed class WavReaderTests
{
    private static byte[] Pcm16Bytes(params short[] samples)
    {
        var bytes = new byte[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), samples[i]);
        }

        return bytes;
    }

    [Fact]
    public void Reads_16_bit_mono_with_format_info()
    {
        var file = new WavBytes().Chunk("fmt ", WavBytes.Fmt(1, 1, 16000, 16)).Chunk("data", Pcm16Bytes(0, 16384, -32768)).Build();

        var audio = WavReader.Read(file, "a.wav");

        Assert.Equal(16000, audio.SampleRate);
        Assert.Equal([0f, 0.5f, -1f], audio.Samples);
        Assert.Equal(new WavFormatInfo(WavSampleFormat.Pcm, 16, 1, 16000, false), audio.Source);
    }

    [Fact]
    public void Stereo_is_mixed_down_by_averaging()
    {
        var file = new WavBytes().Chunk("fmt ", WavBytes.Fmt(1, 2, 8000, 16)).Chunk("data", Pcm16Bytes(16384, 0, -8192, -8192)).Build();

        var audio = WavReader.Read(file, "s.wav");

        Assert.Equal([0.25f, -0.25f], audio.Samples);
        Assert.Equal(2, audio.Source!.Channels);
    }

    [Fact]
    public void Four_channels_are_averaged()
    {
        var file = new WavBytes().Chunk("fmt ", WavBytes.ExtensibleFmt(1, 4, 8000, 16)).Chunk("data", Pcm16Bytes(4096, 4096, 8192, -16384)).Build();

        var audio = WavReader.Read(file, "quad.wav");

        Assert.Equal([0f], audio.Samples);
        Assert.Equal(4, audio.Source!.Channels);
    }

    [Fact]
    public void Unknown_chunks_and_odd_padding_are_skipped()
    {
        var file = new WavBytes()
            .Chunk("LIST", [1, 2, 3])
            .Chunk("fmt ", WavBytes.Fmt(1, 1, 8000, 16))
            .Chunk("junk", new byte[5])
            .Chunk("data", Pcm16Bytes(100, 200))
            .Chunk("cue ", new byte[4])
            .Build();

        var audio = WavReader.Read(file, "x.wav");

        Assert.Equal(2, audio.Samples.Length);
        Assert.Equal(200, SampleConvert.ToPcm16(audio.Samples[1]));
    }

    [Fact]
    public void Eight_bit_is_unsigned_and_24_and_32_bit_are_signed()
    {
        var eight = WavReader.Read(new WavBytes().Chunk("fmt ", WavBytes.Fmt(1, 1, 8000, 8)).Chunk("data", [128, 255, 0, 192]).Build(), "8.wav");
        Assert.Equal([0f, 127 / 128f, -1f, 0.5f], eight.Samples);

        byte[] data24 = [0x00, 0x00, 0x40, 0x00, 0x00, 0xC0, 0xFF, 0xFF, 0xFF];
        var s24 = WavReader.Read(new WavBytes().Chunk("fmt ", WavBytes.Fmt(1, 1, 8000, 24)).Chunk("data", data24).Build(), "24.wav");
        Assert.Equal([0.5f, -0.5f, -1f / 8388608], s24.Samples);

        var data32 = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(data32, int.MinValue);
        BinaryPrimitives.WriteInt32LittleEndian(data32.AsSpan(4), 1 << 29);
        var s32 = WavReader.Read(new WavBytes().Chunk("fmt ", WavBytes.Fmt(1, 1, 8000, 32)).Chunk("data", data32).Build(), "32.wav");
        Assert.Equal([-1f, 0.25f], s32.Samples);
    }

    [Fact]
    public void Float_and_g711_and_extensible_are_read()
    {
        var floats = new byte[8];
        BinaryPrimitives.WriteSingleLittleEndian(floats, 0.75f);
        BinaryPrimitives.WriteSingleLittleEndian(floats.AsSpan(4), -0.125f);
        var f = WavReader.Read(new WavBytes().Chunk("fmt ", WavBytes.Fmt(3, 1, 44100, 32)).Chunk("data", floats).Build(), "f.wav");
        Assert.Equal([0.75f, -0.125f], f.Samples);
        Assert.Equal(WavSampleFormat.Float, f.Source!.Format);

        var mu = WavReader.Read(new WavBytes().Chunk("fmt ", WavBytes.Fmt(7, 1, 8000, 8)).Chunk("data", [0x80, 0x00]).Build(), "u.wav");
        Assert.Equal([G711.DecodeMuLaw(0x80) / 32768f, G711.DecodeMuLaw(0x00) / 32768f], mu.Samples);
        Assert.Equal(WavSampleFormat.MuLaw, mu.Source!.Format);

        var a = WavReader.Read(new WavBytes().Chunk("fmt ", WavBytes.Fmt(6, 1, 8000, 8)).Chunk("data", [0xD5, 0x2A]).Build(), "a.wav");
        Assert.Equal([G711.DecodeALaw(0xD5) / 32768f, G711.DecodeALaw(0x2A) / 32768f], a.Samples);

        var ext = WavReader.Read(new WavBytes().Chunk("fmt ", WavBytes.ExtensibleFmt(1, 2, 48000, 16)).Chunk("data", Pcm16Bytes(8192, 8192)).Build(), "e.wav");
        Assert.Equal([0.25f], ext.Samples);
        Assert.True(ext.Source!.Extensible);
        Assert.Equal(48000, ext.SampleRate);
    }

    [Theory]
    [InlineData("-b 16 -e signed", 16)]
    [InlineData("-b 24 -e signed", 24)]
    [InlineData("-b 32 -e signed", 32)]
    [InlineData("-b 8 -e unsigned", 8)]
    [InlineData("-b 32 -e float", 32)]
    [InlineData("-e mu-law", 8)]
    [InlineData("-e a-law", 8)]
    public void Files_written_by_sox_read_back_as_the_same_tone(string soxFormat, int bits)
    {
        using var temp = new TempDirectory();
        var path = temp.File("t.wav");
        var args = new List<string> { "-n", "-r", "22050", "-c", "2" };
        args.AddRange(soxFormat.Split(' '));
        args.AddRange([path, "synth", "0.5", "sine", "1000", "vol", "0.5"]);
        Sox.Run([.. args]);

        var audio = WavReader.Read(path);

        Assert.Equal(22050, audio.SampleRate);
        Assert.Equal(2, audio.Source!.Channels);
        Assert.Equal(bits, audio.Source.BitsPerSample);
        Assert.InRange(audio.Samples.Length, 11020, 11030);
        Assert.InRange(TestSignals.Rms(audio.Samples) * Math.Sqrt(2), 0.48, 0.52);
        Assert.InRange(TestSignals.ZeroCrossingFrequency(audio.Samples, 22050), 995, 1005);
    }

    [Fact]
    public void Stream_overload_reads_the_same()
    {
        var file = new WavBytes().Chunk("fmt ", WavBytes.Fmt(1, 1, 8000, 16)).Chunk("data", Pcm16Bytes(1, 2, 3)).Build();
        var audio = WavReader.Read(new MemoryStream(file), "m.wav");
        Assert.Equal(3, audio.Samples.Length);
    }
}
