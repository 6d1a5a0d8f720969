using VikaIvr.Media.Audio;
using VikaIvr.Media.Tests.Codecs;

namespace VikaIvr.Media.Tests.Audio;

public sealed class TelephonyAudioTests
{
    [Fact]
    public void A_22050_Hz_stereo_file_becomes_8k_mono_of_the_same_length_and_pitch()
    {
        using var temp = new TempDirectory();
        var path = temp.File("tts.wav");
        Sox.Run("-n", "-r", "22050", "-c", "2", "-b", "16", path, "synth", "2", "sine", "440", "vol", "0.3");

        var pcm = TelephonyAudio.ReadWav(path);

        Assert.Equal(16000, pcm.Length);
        var floats = SampleConvert.ToFloat(pcm);
        Assert.InRange(TestSignals.ZeroCrossingFrequency(floats.AsSpan(800, 14000), 8000), 439.5, 440.5);
    }

    [Fact]
    public void Normalisation_is_applied_when_asked()
    {
        var quiet = TestSignals.Sine(1000, 16000, 16000, amplitude: 0.02);
        var bytes = WavWriter.ToBytes(quiet, 16000, WavEncoding.Pcm16);

        var pcm = TelephonyAudio.ReadWav(new MemoryStream(bytes), "q.wav", new LoudnessOptions { TargetDbfs = -20 });

        Assert.Equal(8000, pcm.Length);
        Assert.InRange(AudioLevels.Measure(pcm, 8000).ActiveLevelDbfs, -20.2, -19.8);
    }

    [Fact]
    public void Eight_kHz_input_passes_through_unchanged()
    {
        var samples = new short[] { 1, -2, 300, -32768, 32767 };
        Assert.Equal(samples, TelephonyAudio.Convert(samples, 8000));
    }
}
