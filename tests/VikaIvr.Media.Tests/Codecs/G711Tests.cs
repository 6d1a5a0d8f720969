using VikaIvr.Media.Codecs;

namespace VikaIvr.Media.Tests.Codecs;

public sealed class G711Tests
{
    private static short[] AllSamples()
    {
        var samples = new short[65536];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(i - 32768);
        }

        return samples;
    }

    [Theory]
    [InlineData("mu-law")]
    [InlineData("a-law")]
    public void Encoder_matches_sox_for_all_65536_inputs(string soxEncoding)
    {
        using var temp = new TempDirectory();
        var samples = AllSamples();
        var raw = new byte[samples.Length * 2];
        Buffer.BlockCopy(samples, 0, raw, 0, raw.Length);
        File.WriteAllBytes(temp.File("in.raw"), raw);

        // -D: sox dithers by default when it reduces precision, which would randomise the codes.
        Sox.Run("-D", "-t", "raw", "-e", "signed", "-b", "16", "-r", "8000", "-c", "1", "-L", temp.File("in.raw"),
            "-t", "raw", "-e", soxEncoding, temp.File("out.raw"));
        var expected = File.ReadAllBytes(temp.File("out.raw"));

        var actual = new byte[samples.Length];
        if (soxEncoding == "mu-law")
        {
            G711.EncodeMuLaw(samples, actual);
        }
        else
        {
            G711.EncodeALaw(samples, actual);
        }

        Assert.Equal(samples.Length, expected.Length);
        for (var i = 0; i < samples.Length; i++)
        {
            if (expected[i] != actual[i])
            {
                Assert.Fail($"{soxEncoding} of {samples[i]}: sox 0x{expected[i]:X2}, ours 0x{actual[i]:X2}");
            }
        }
    }

    [Theory]
    [InlineData("mu-law")]
    [InlineData("a-law")]
    public void Decoder_matches_sox_for_all_256_codes(string soxEncoding)
    {
        using var temp = new TempDirectory();
        var codes = new byte[256];
        for (var i = 0; i < 256; i++)
        {
            codes[i] = (byte)i;
        }

        File.WriteAllBytes(temp.File("in.raw"), codes);
        Sox.Run("-t", "raw", "-e", soxEncoding, "-b", "8", "-r", "8000", "-c", "1", temp.File("in.raw"),
            "-t", "raw", "-e", "signed", "-b", "16", "-L", temp.File("out.raw"));
        var bytes = File.ReadAllBytes(temp.File("out.raw"));

        var decoded = new short[256];
        if (soxEncoding == "mu-law")
        {
            G711.DecodeMuLaw(codes, decoded);
        }
        else
        {
            G711.DecodeALaw(codes, decoded);
        }

        for (var i = 0; i < 256; i++)
        {
            Assert.Equal(BitConverter.ToInt16(bytes, i * 2), decoded[i]);
        }
    }

    [Fact]
    public void Decode_then_encode_returns_every_code()
    {
        for (var code = 0; code < 256; code++)
        {
            var b = (byte)code;
            // µ-law has two zeros (0x7F and 0xFF); both decode to 0, which encodes as 0xFF.
            var expectedMu = b == 0x7F ? (byte)0xFF : b;
            Assert.Equal(expectedMu, G711.EncodeMuLaw(G711.DecodeMuLaw(b)));
            Assert.Equal(b, G711.EncodeALaw(G711.DecodeALaw(b)));
        }
    }

    [Fact]
    public void Round_trip_error_stays_within_the_segment_step()
    {
        var samples = AllSamples();
        var codes = new byte[samples.Length];
        var back = new short[samples.Length];

        G711.EncodeMuLaw(samples, codes);
        G711.DecodeMuLaw(codes, back);
        for (var i = 0; i < samples.Length; i++)
        {
            var magnitude = Math.Min(Math.Abs((int)samples[i]), 32124);
            var allowed = Math.Max(4, magnitude / 16) + 132;
            Assert.InRange(back[i] - Math.Clamp((int)samples[i], -32124, 32124), -allowed, allowed);
        }

        G711.EncodeALaw(samples, codes);
        G711.DecodeALaw(codes, back);
        for (var i = 0; i < samples.Length; i++)
        {
            var magnitude = Math.Min(Math.Abs((int)samples[i]), 32256);
            var allowed = Math.Max(16, magnitude / 16) + 8;
            Assert.InRange(back[i] - Math.Clamp((int)samples[i], -32256, 32256), -allowed, allowed);
        }
    }

    [Fact]
    public void Silence_codes_are_the_usual_ones()
    {
        Assert.Equal(G711.MuLawSilence, G711.EncodeMuLaw(0));
        Assert.Equal(G711.ALawSilence, G711.EncodeALaw(0));
        Assert.Equal(0, G711.DecodeMuLaw(G711.MuLawSilence));
        Assert.Equal(8, G711.DecodeALaw(G711.ALawSilence));
    }

    [Fact]
    public void Transcoding_matches_decode_then_encode()
    {
        var codes = new byte[256];
        for (var i = 0; i < 256; i++)
        {
            codes[i] = (byte)i;
        }

        var viaTranscode = new byte[256];
        G711.TranscodeMuLawToALaw(codes, viaTranscode);
        for (var i = 0; i < 256; i++)
        {
            Assert.Equal(G711.EncodeALaw(G711.DecodeMuLaw(codes[i])), viaTranscode[i]);
        }
    }

    [Fact]
    public void Short_destination_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => G711.EncodeMuLaw(new short[10], new byte[9]));
    }
}
