using VikaIvr.Flows.Ports;

namespace VikaIvr.Flows.Tests.Ports;

public sealed class RecordResultSoundTests
{
    private const int Level = 200;

    private static short[] Audio(params (double Seconds, short Amplitude)[] parts)
    {
        var samples = new List<short>();
        foreach (var (seconds, amplitude) in parts)
        {
            int n = (int)(seconds * AudioClip.SampleRate);
            for (int i = 0; i < n; i++) samples.Add((short)(i % 2 == 0 ? amplitude : -amplitude));
        }

        return [.. samples];
    }

    [Fact]
    public void Silence_alone_has_no_sound_whatever_its_length()
    {
        Assert.Equal(TimeSpan.Zero, new RecordResult(Audio((3, 0)), RecordTermination.Terminator).SoundDuration(Level));
        Assert.Equal(TimeSpan.Zero, new RecordResult(Audio((1, 150)), RecordTermination.Silence).SoundDuration(Level));
        Assert.Equal(TimeSpan.Zero, new RecordResult(ReadOnlyMemory<short>.Empty, RecordTermination.Terminator).SoundDuration(Level));
    }

    [Fact]
    public void Sound_is_measured_from_its_first_block_to_its_last_with_the_pauses_between()
    {
        var r = new RecordResult(Audio((1, 0), (0.5, 4000), (0.2, 0), (0.3, 4000), (2, 0)), RecordTermination.Silence);
        Assert.Equal(TimeSpan.FromSeconds(4), r.Duration);
        Assert.Equal(TimeSpan.FromSeconds(1.0), r.SoundDuration(Level));
    }

    [Fact]
    public void A_block_just_at_the_level_is_sound_and_just_under_it_silence()
    {
        Assert.True(AudioLevel.IsSilent(Audio((0.02, Level - 1)), Level));
        Assert.False(AudioLevel.IsSilent(Audio((0.02, Level)), Level));
        Assert.True(AudioLevel.IsSilent([], Level));
    }
}
