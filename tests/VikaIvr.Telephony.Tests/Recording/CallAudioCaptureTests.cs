using VikaIvr.Flows.Ports;
using VikaIvr.Media.Rtp;
using VikaIvr.Telephony.Recording;

namespace VikaIvr.Telephony.Tests.Recording;

public sealed class CallAudioCaptureTests
{
    private static short[] Tone(int n, int offset = 0)
    {
        var s = new short[n];
        for (int i = 0; i < n; i++) s[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * (i + offset) / 8000.0));
        return s;
    }

    private static void Push(CallAudioCapture c, int seq, short[] samples) =>
        c.OnAudio(samples, new RtpHeader { SequenceNumber = (ushort)seq, Timestamp = (uint)(seq * 160), Ssrc = 7 });

    [Fact]
    public void Captures_packets_in_order_even_when_they_arrive_swapped()
    {
        using var c = new CallAudioCapture(new RecordOptions { MaxDuration = TimeSpan.FromSeconds(10) });
        var tone = Tone(160 * 50);
        for (int p = 0; p < 50; p += 2)
        {
            Push(c, p + 1, tone[((p + 1) * 160)..((p + 2) * 160)]);
            Push(c, p, tone[(p * 160)..((p + 1) * 160)]);
        }

        var samples = c.Finish();
        Assert.Equal(tone, samples);
        Assert.False(c.Completed.IsCompleted);
    }

    [Fact]
    public async Task Silence_after_speech_ends_the_capture()
    {
        using var c = new CallAudioCapture(new RecordOptions { MaxDuration = TimeSpan.FromSeconds(10), SilenceTimeout = TimeSpan.FromSeconds(1) });
        int seq = 0;
        for (; seq < 50; seq++) Push(c, seq, Tone(160, seq * 160));
        for (int i = 0; i < 40; i++, seq++) Push(c, seq, new short[160]);
        Assert.False(c.Completed.IsCompleted); // 0.8 s of silence pushed, less played out
        for (int i = 0; i < 20; i++, seq++) Push(c, seq, new short[160]);
        Assert.True(c.Completed.IsCompletedSuccessfully);
        Assert.Equal(RecordTermination.Silence, await c.Completed);
    }

    [Fact]
    public async Task The_maximum_bounds_the_audio_and_ends_the_capture()
    {
        using var c = new CallAudioCapture(new RecordOptions { MaxDuration = TimeSpan.FromMilliseconds(500) });
        for (int seq = 0; seq < 100; seq++) Push(c, seq, Tone(160, seq * 160));
        Assert.True(c.Completed.IsCompletedSuccessfully);
        Assert.Equal(RecordTermination.MaxDuration, await c.Completed);
        Assert.Equal(4000, c.Finish().Length);
    }

    [Fact]
    public void A_lost_packet_becomes_silence_of_its_length()
    {
        using var c = new CallAudioCapture(new RecordOptions());
        Push(c, 0, Tone(160));
        Push(c, 2, Tone(160, 320));
        var samples = c.Finish();
        Assert.Equal(480, samples.Length);
        Assert.All(samples[160..320], s => Assert.Equal(0, s));
    }
}
