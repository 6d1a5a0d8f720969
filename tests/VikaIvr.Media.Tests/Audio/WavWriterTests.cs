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

    private static string RunSoxi(string path)
    {
        var start = new System.Diagnostics.ProcessStartInfo("sox", ["--i", path]) { RedirectStandardOutput = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit(30_000);
        return output;
    }
}
