using VikaIvr.Media.Audio;
using VikaIvr.Media.Codecs;
using VikaIvr.Media.Tests.Codecs;

namespace VikaIvr.Media.Tests.Audio;

public sealed class WavWriterTests
{
    private static short[] Ramp()
    {
        var samples = new short[1001];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)((i * 65) - 32500);
        }

        return samples;
    }

    [Fact]
    public void Pcm16_round_trips_exactly()
    {
        var samples = Ramp();
        var audio = WavReader.Read(WavWriter.ToBytes(samples, 8000), "r.wav");
        Assert.Equal(samples, audio.ToPcm16());
        Assert.Equal(8000, audio.SampleRate);
    }

    [Theory]
    [InlineData(WavEncoding.MuLaw)]
    [InlineData(WavEncoding.ALaw)]
    public void G711_files_hold_the_encoded_bytes(WavEncoding encoding)
    {
        var samples = Ramp();
        var audio = WavReader.Read(WavWriter.ToBytes(samples, 8000, encoding), "g.wav");
        var decoded = audio.ToPcm16();
        for (var i = 0; i < samples.Length; i++)
        {
            var expected = encoding == WavEncoding.MuLaw
                ? G711.DecodeMuLaw(G711.EncodeMuLaw(samples[i]))
                : G711.DecodeALaw(G711.EncodeALaw(samples[i]));
            Assert.Equal(expected, decoded[i]);
        }
    }

    [Theory]
    [InlineData(WavEncoding.Pcm8, 256)]
    [InlineData(WavEncoding.Pcm24, 0)]
    [InlineData(WavEncoding.Pcm32, 0)]
    [InlineData(WavEncoding.Float32, 0)]
    public void Other_encodings_round_trip_within_their_precision(WavEncoding encoding, int tolerance)
    {
        var samples = Ramp();
        var decoded = WavReader.Read(WavWriter.ToBytes(samples, 11025, encoding), "o.wav").ToPcm16();
        for (var i = 0; i < samples.Length; i++)
        {
            Assert.InRange(decoded[i] - samples[i], -tolerance, tolerance);
        }
    }

    [Theory]
    [InlineData(WavEncoding.Pcm16, "Signed Integer PCM")]
    [InlineData(WavEncoding.MuLaw, "u-law")]
    [InlineData(WavEncoding.ALaw, "A-law")]
    [InlineData(WavEncoding.Float32, "Floating Point PCM")]
    [InlineData(WavEncoding.Pcm8, "Unsigned Integer PCM")]
    [InlineData(WavEncoding.Pcm24, "Signed Integer PCM")]
    [InlineData(WavEncoding.Pcm32, "Signed Integer PCM")]
    public void Sox_accepts_what_we_write(WavEncoding encoding, string soxName)
    {
        using var temp = new TempDirectory();
        var path = temp.File("w.wav");
        WavWriter.Write(path, Ramp(), 8000, encoding);

        Sox.Run(path, "-n", "stat");
        var info = RunSoxi(path);
        Assert.Contains(soxName, info);
        Assert.Contains("1001 samples", info);
    }

    [Theory]
    [InlineData(WavEncoding.MuLaw)]
    [InlineData(WavEncoding.ALaw)]
    [InlineData(WavEncoding.Float32)]
    public void Non_pcm_files_carry_a_fact_chunk_with_the_sample_count(WavEncoding encoding)
    {
        var file = WavWriter.ToBytes(Ramp(), 8000, encoding);

        var fact = file.AsSpan().IndexOf("fact"u8);
        Assert.True(fact > 0, "no fact chunk");
        Assert.Equal(4, BitConverter.ToInt32(file, fact + 4));
        Assert.Equal(1001, BitConverter.ToInt32(file, fact + 8));
    }

    [Fact]
    public void Odd_length_data_is_padded_and_the_sizes_are_exact()
    {
        var file = WavWriter.ToBytes(Ramp(), 8000, WavEncoding.Pcm8);

        var data = file.AsSpan().IndexOf("data"u8);
        Assert.Equal(1001, BitConverter.ToInt32(file, data + 4));
        Assert.Equal(data + 8 + 1001 + 1, file.Length);
        Assert.Equal(file.Length - 8, BitConverter.ToInt32(file, 4));
    }

    [Fact]
    public void Writing_to_a_stream_leaves_it_open_after_the_file()
    {
        using var stream = new MemoryStream();
        stream.Write([9, 9]);

        WavWriter.Write(stream, Ramp(), 8000);

        Assert.True(stream.CanWrite);
        Assert.Equal(Ramp(), WavReader.Read(stream.ToArray().AsSpan(2), "s.wav").ToPcm16());
    }

    private static string RunSoxi(string path)
    {
        var start = new System.Diagnostics.ProcessStartInfo("sox", ["--i", path]) { RedirectStandardOutput = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit(30_000);
        return output;
    }
}
