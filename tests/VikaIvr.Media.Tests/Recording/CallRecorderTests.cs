using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Media.Audio;
using VikaIvr.Media.Recording;
using VikaIvr.Media.Rtp;

namespace VikaIvr.Media.Tests.Recording;

[Collection(AllocationCollection.Name)]
public sealed class CallRecorderTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "vika-rec-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Writes_the_callers_audio_in_order_as_8_khz_16_bit_wav()
    {
        var path = Path.Combine(_directory, "sub", "prompt.wav");
        await using var recorder = new CallRecorder(path, new CallRecorderOptions(), NullLogger<CallRecorder>.Instance);
        foreach (int i in new[] { 0, 1, 3, 2, 4, 5, 6, 8, 9 })   // one swap, one loss (7)
        {
            var header = PcmCollector.Header(i);
            recorder.OnAudio(PcmCollector.FrameOf((i + 1) * 100), header);
        }

        var result = await recorder.StopAsync();

        Assert.Equal(path, result.Path);
        Assert.Equal(1600, result.Samples);
        Assert.Equal(TimeSpan.FromMilliseconds(200), result.Duration);
        Assert.False(result.Truncated);
        Assert.Equal(1, result.Jitter.Lost);
        Assert.False(File.Exists(path + ".part"));

        var wav = WavReader.Read(path);
        Assert.Equal(8000, wav.SampleRate);
        Assert.Equal(WavSampleFormat.Pcm, wav.Source!.Format);
        Assert.Equal(16, wav.Source.BitsPerSample);
        Assert.Equal(1, wav.Source.Channels);
        var pcm = wav.ToPcm16();
        Assert.Equal(1600, pcm.Length);
        for (int frame = 0; frame < 10; frame++)
        {
            short expected = frame == 7 ? (short)0 : (short)((frame + 1) * 100);
            Assert.Equal(expected, pcm[(frame * 160) + 80]);
        }
    }

    [Fact]
    public async Task Stops_at_the_maximum_duration_and_says_so()
    {
        var path = Path.Combine(_directory, "long.wav");
        await using var recorder = new CallRecorder(path, new CallRecorderOptions { MaxDuration = TimeSpan.FromMilliseconds(100) }, NullLogger<CallRecorder>.Instance);
        for (int i = 0; i < 20; i++)
        {
            recorder.OnAudio(PcmCollector.FrameOf(1000), PcmCollector.Header(i));
        }

        Assert.True(recorder.LimitReached.IsCompleted);
        var result = await recorder.StopAsync();
        Assert.True(result.Truncated);
        Assert.Equal(800, result.Samples);
        Assert.Equal(800, WavReader.Read(path).Samples.Length);
    }

    [Fact]
    public async Task Stop_is_idempotent_and_audio_after_it_is_ignored()
    {
        var path = Path.Combine(_directory, "once.wav");
        await using var recorder = new CallRecorder(path, new CallRecorderOptions(), NullLogger<CallRecorder>.Instance);
        recorder.OnAudio(PcmCollector.FrameOf(5), PcmCollector.Header(0));
        var first = recorder.StopAsync();
        recorder.OnAudio(PcmCollector.FrameOf(5), PcmCollector.Header(1));
        var second = recorder.StopAsync();
        Assert.Same(first, second);
        Assert.Equal(160, (await first).Samples);
    }

    [Fact]
    public async Task An_empty_recording_is_a_valid_empty_wav()
    {
        var path = Path.Combine(_directory, "empty.wav");
        await using var recorder = new CallRecorder(path, new CallRecorderOptions(), NullLogger<CallRecorder>.Instance);
        var result = await recorder.StopAsync();
        Assert.Equal(0, result.Samples);
        Assert.Empty(WavReader.Read(path).Samples);
    }

    [Fact]
    public async Task Disposing_without_stop_writes_no_file()
    {
        var path = Path.Combine(_directory, "abandoned.wav");
        var recorder = new CallRecorder(path, new CallRecorderOptions(), NullLogger<CallRecorder>.Instance);
        recorder.OnAudio(PcmCollector.FrameOf(5), PcmCollector.Header(0));
        await recorder.DisposeAsync();
        Assert.False(File.Exists(path));
        Assert.Throws<ObjectDisposedException>(() => { _ = recorder.StopAsync(); });
    }

    [Fact]
    public async Task Receiving_audio_does_not_allocate_per_packet()
    {
        await using var recorder = new CallRecorder(Path.Combine(_directory, "alloc.wav"), new CallRecorderOptions(), NullLogger<CallRecorder>.Instance);
        var frame = new short[160];
        var header = new RtpHeader { SequenceNumber = 10, Timestamp = 0, Ssrc = 3 };
        for (int i = 0; i < 10; i++)
        {
            // Past the jitter depth, so the first pooled chunk is taken before measuring (one per 4 s, not per packet).
            header.SequenceNumber++;
            header.Timestamp += 160;
            recorder.OnAudio(frame, header);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 150; i++)
        {
            header.SequenceNumber++;
            header.Timestamp += 160;
            recorder.OnAudio(frame, header);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
