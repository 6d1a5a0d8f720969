using VikaIvr.Media.Rtp;
using VikaIvr.Media.Session;

namespace VikaIvr.Media.Tests.Session;

[Collection(AllocationCollection.Name)]
public class PlaybackQueueTests
{
    private static EncodedAudio Clip(int frames, byte fill)
    {
        var data = new byte[frames * 160];
        Array.Fill(data, fill);
        return new EncodedAudio(RtpAudioCodec.Pcmu, data, "clip" + fill);
    }

    private static byte ReadOne(PlaybackQueue queue)
    {
        var frame = new byte[160];
        Assert.True(queue.TryReadFrame(frame, RtpAudioCodec.Pcmu));
        return frame[0];
    }

    [Fact]
    public async Task Plays_clips_in_order_and_completes_each_after_its_last_frame()
    {
        var queue = new PlaybackQueue();
        var first = queue.Enqueue(Clip(2, 1), default);
        var second = queue.Enqueue(Clip(1, 2), default);
        Assert.True(queue.IsPlaying);
        Assert.Equal(1, ReadOne(queue));
        Assert.False(first.IsCompleted);
        Assert.Equal(1, ReadOne(queue));
        Assert.Equal(PlaybackResult.Completed, await first);
        Assert.Equal(2, ReadOne(queue));
        Assert.Equal(PlaybackResult.Completed, await second);
        Assert.False(queue.TryReadFrame(new byte[160], RtpAudioCodec.Pcmu));
        Assert.False(queue.IsPlaying);
    }

    [Fact]
    public async Task Stop_ends_the_playing_and_the_queued_clips_and_a_later_clip_plays()
    {
        var queue = new PlaybackQueue();
        var playing = queue.Enqueue(Clip(5, 1), default);
        var queued = queue.Enqueue(Clip(5, 2), default);
        Assert.Equal(1, ReadOne(queue));
        Assert.Equal(2, queue.StopAll());
        Assert.Equal(PlaybackResult.Stopped, await playing);
        Assert.Equal(PlaybackResult.Stopped, await queued);
        Assert.False(queue.IsPlaying);

        var next = queue.Enqueue(Clip(1, 3), default);
        Assert.Equal(3, ReadOne(queue));
        Assert.Equal(PlaybackResult.Completed, await next);
    }

    [Fact]
    public async Task A_cancelled_clip_is_skipped_and_the_next_one_plays()
    {
        var queue = new PlaybackQueue();
        using var cancel = new CancellationTokenSource();
        var cancelled = queue.Enqueue(Clip(3, 1), cancel.Token);
        var next = queue.Enqueue(Clip(1, 2), default);
        Assert.Equal(1, ReadOne(queue));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(2, ReadOne(queue));
        Assert.Equal(PlaybackResult.Completed, await next);
    }

    [Fact]
    public async Task A_key_stops_the_barge_in_clip_queued_before_it_and_the_clip_behind_it_plays_next()
    {
        var queue = new PlaybackQueue();
        var prompt = queue.Enqueue(Clip(5, 1), keysSeen: 3, default);
        var next = queue.Enqueue(Clip(1, 2), default);

        Assert.Equal(0, queue.BargeIn(3));   // a key the caller had seen when it queued the prompt (told late)
        Assert.False(prompt.IsCompleted);
        Assert.Equal(1, queue.BargeIn(4));
        Assert.Equal(PlaybackResult.Stopped, await prompt);
        Assert.False(next.IsCompleted);
        Assert.True(queue.IsPlaying);
        Assert.Equal(2, ReadOne(queue));
        Assert.Equal(PlaybackResult.Completed, await next);
        Assert.Equal(0, queue.BargeIn(5));
        Assert.False(queue.IsPlaying);
    }

    [Fact]
    public async Task A_key_stops_a_playing_barge_in_clip_but_not_one_queued_after_it_was_accepted()
    {
        var queue = new PlaybackQueue();
        var older = queue.Enqueue(Clip(5, 1), keysSeen: 0, default);
        Assert.Equal(1, ReadOne(queue));
        var newer = queue.Enqueue(Clip(5, 2), keysSeen: 1, default);

        Assert.Equal(1, queue.BargeIn(1));
        Assert.Equal(PlaybackResult.Stopped, await older);
        Assert.False(newer.IsCompleted);
        Assert.Equal(2, ReadOne(queue));
        Assert.Equal(1, queue.BargeIn(2));
        Assert.Equal(PlaybackResult.Stopped, await newer);
        Assert.False(queue.TryReadFrame(new byte[160], RtpAudioCodec.Pcmu));
    }

    [Fact]
    public async Task A_barge_in_clip_that_played_to_its_end_is_not_stopped_by_a_later_key()
    {
        var queue = new PlaybackQueue();
        var prompt = queue.Enqueue(Clip(1, 1), keysSeen: 0, default);
        Assert.Equal(1, ReadOne(queue));
        Assert.Equal(PlaybackResult.Completed, await prompt);
        Assert.Equal(0, queue.BargeIn(1));
    }

    [Fact]
    public void Transcodes_a_mu_law_clip_for_an_a_law_call()
    {
        var queue = new PlaybackQueue();
        _ = queue.Enqueue(Clip(1, 0xFF), default);   // µ-law 0xFF is silence
        var frame = new byte[160];
        Assert.True(queue.TryReadFrame(frame, RtpAudioCodec.Pcma));
        Assert.All(frame, b => Assert.Equal(EncodedAudio.SilenceFor(RtpAudioCodec.Pcma), b));
    }

    [Fact]
    public void Reading_frames_allocates_nothing()
    {
        var queue = new PlaybackQueue();
        _ = queue.Enqueue(Clip(300, 1), default);
        var frame = new byte[160];
        queue.TryReadFrame(frame, RtpAudioCodec.Pcmu);
        AllocationMeter.AssertNone(() =>
        {
            for (int i = 0; i < 50; i++)
            {
                Assert.True(queue.TryReadFrame(frame, RtpAudioCodec.Pcmu));
            }
        });
    }
}
