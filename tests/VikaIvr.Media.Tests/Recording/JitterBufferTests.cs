using VikaIvr.Media.Recording;
using VikaIvr.Media.Rtp;

namespace VikaIvr.Media.Tests.Recording;

[Collection(AllocationCollection.Name)]
public class JitterBufferTests
{
    private static (JitterBuffer Buffer, PcmCollector Output) Create(JitterGapFill fill = JitterGapFill.Silence, int depthMs = 80)
    {
        var output = new PcmCollector();
        var buffer = new JitterBuffer(output, new JitterBufferOptions { Depth = TimeSpan.FromMilliseconds(depthMs), GapFill = fill });
        return (buffer, output);
    }

    /// <summary>Pushes frame i (value i + 1) for each index in order of the list.</summary>
    private static List<JitterPushResult> Push(JitterBuffer buffer, IEnumerable<int> order, ushort firstSequence = 1000, uint firstTimestamp = 50_000)
    {
        var results = new List<JitterPushResult>();
        foreach (int i in order)
        {
            var header = PcmCollector.Header(i, firstSequence, firstTimestamp);
            results.Add(buffer.Push(PcmCollector.FrameOf(i + 1), header));
        }

        return results;
    }

    private static List<int> Range(int count) => Enumerable.Range(1, count).ToList();

    [Fact]
    public void In_order_packets_come_out_unchanged()
    {
        var (buffer, output) = Create();
        Assert.All(Push(buffer, Enumerable.Range(0, 10)), r => Assert.Equal(JitterPushResult.Accepted, r));
        buffer.Flush();
        Assert.Equal(Range(10), output.FrameValues());
        Assert.Equal(0, buffer.Statistics.Lost);
        Assert.Equal(1600, buffer.Statistics.OutputSamples);
    }

    [Fact]
    public void Holds_back_about_the_depth_and_releases_older_audio_as_new_arrives()
    {
        var (buffer, output) = Create(depthMs: 80);
        Push(buffer, Enumerable.Range(0, 10));
        Assert.Equal(4, buffer.BufferedPackets);
        Assert.Equal(Range(6), output.FrameValues());
    }

    [Fact]
    public void Reordered_packets_are_put_back_in_sequence()
    {
        var (buffer, output) = Create();
        var results = Push(buffer, [0, 2, 1, 3, 6, 4, 5, 9, 7, 8, 10, 11]);
        Assert.All(results, r => Assert.Equal(JitterPushResult.Accepted, r));
        buffer.Flush();
        Assert.Equal(Range(12), output.FrameValues());
        Assert.Equal(0, buffer.Statistics.Late);
    }

    [Fact]
    public void Packets_reordered_at_the_very_start_are_not_lost()
    {
        var (buffer, output) = Create();
        Push(buffer, [1, 0, 2, 3]);
        buffer.Flush();
        Assert.Equal(Range(4), output.FrameValues());
    }

    [Fact]
    public void A_lost_packet_becomes_silence_of_the_same_length()
    {
        var (buffer, output) = Create();
        Push(buffer, [0, 1, 2, 4, 5, 6, 7, 8]);
        buffer.Flush();
        Assert.Equal([1, 2, 3, 0, 5, 6, 7, 8, 9], output.FrameValues());
        Assert.Equal(1, buffer.Statistics.Lost);
        Assert.Equal(160, buffer.Statistics.FilledSamples);
    }

    [Fact]
    public void Repeat_fill_conceals_a_short_loss_with_the_last_packet_then_silence()
    {
        var (buffer, output) = Create(JitterGapFill.RepeatLast);
        Push(buffer, [0, 1, 6, 7, 8, 9, 10]);
        buffer.Flush();
        // Four lost packets: three repeats of frame 2, then silence.
        Assert.Equal([1, 2, 2, 2, 2, 0, 7, 8, 9, 10, 11], output.FrameValues());
    }

    [Fact]
    public void Duplicates_are_dropped_whether_still_buffered_or_already_played()
    {
        var (buffer, output) = Create();
        var results = Push(buffer, [0, 1, 1, 2, 3, 4, 5, 6, 7, 0, 8]);
        Assert.Equal(JitterPushResult.Duplicate, results[2]);
        Assert.Equal(JitterPushResult.Duplicate, results[9]);
        buffer.Flush();
        Assert.Equal(Range(9), output.FrameValues());
        Assert.Equal(2, buffer.Statistics.Duplicates);
    }

    [Fact]
    public void A_packet_later_than_the_buffer_depth_is_dropped_and_its_gap_stays_filled()
    {
        var (buffer, output) = Create(depthMs: 60);
        var results = Push(buffer, [0, 1, 3, 4, 5, 6, 7, 2, 8]);
        Assert.Equal(JitterPushResult.Late, results[7]);
        buffer.Flush();
        Assert.Equal([1, 2, 0, 4, 5, 6, 7, 8, 9], output.FrameValues());
        Assert.Equal(1, buffer.Statistics.Late);
    }

    [Fact]
    public void Sequence_and_timestamp_wrap_around_are_seamless()
    {
        var (buffer, output) = Create();
        // Sequence 65530.. and timestamps that pass 2^32 within the run, with reordering across the wrap.
        var order = new List<int> { 0, 1, 2, 3, 4, 6, 5, 7, 9, 8, 10, 11, 12, 13, 14, 15 };
        var results = Push(buffer, order, firstSequence: 65530, firstTimestamp: uint.MaxValue - 800);
        Assert.All(results, r => Assert.Equal(JitterPushResult.Accepted, r));
        buffer.Flush();
        Assert.Equal(Range(16), output.FrameValues());
        Assert.Equal(0, buffer.Statistics.TimestampJumps);
    }

    [Fact]
    public void A_short_timestamp_gap_with_continuous_sequence_is_filled_as_suppressed_silence()
    {
        var (buffer, output) = Create();
        for (int i = 0; i < 6; i++)
        {
            var header = PcmCollector.Header(i);
            if (i >= 3)
            {
                header.Timestamp += 480;   // the sender sent nothing for 60 ms
            }

            buffer.Push(PcmCollector.FrameOf(i + 1), header);
        }

        buffer.Flush();
        Assert.Equal([1, 2, 3, 0, 0, 0, 4, 5, 6], output.FrameValues());
    }

    [Fact]
    public void A_large_timestamp_jump_is_a_discontinuity_not_minutes_of_silence()
    {
        var (buffer, output) = Create();
        for (int i = 0; i < 6; i++)
        {
            var header = PcmCollector.Header(i);
            if (i >= 3)
            {
                header.Timestamp += 8000 * 600;
            }

            buffer.Push(PcmCollector.FrameOf(i + 1), header);
        }

        buffer.Flush();
        Assert.Equal(Range(6), output.FrameValues());
        Assert.Equal(1, buffer.Statistics.TimestampJumps);
    }

    [Fact]
    public void A_confirmed_sequence_jump_restarts_the_numbering_after_playing_what_was_buffered()
    {
        var (buffer, output) = Create();
        Push(buffer, Enumerable.Range(0, 5));
        var first = buffer.Push(PcmCollector.FrameOf(90), PcmCollector.Header(0, firstSequence: 30_000, firstTimestamp: 7));
        var second = buffer.Push(PcmCollector.FrameOf(91), PcmCollector.Header(1, firstSequence: 30_000, firstTimestamp: 7));
        var third = buffer.Push(PcmCollector.FrameOf(92), PcmCollector.Header(2, firstSequence: 30_000, firstTimestamp: 7));
        Assert.Equal(JitterPushResult.Probation, first);
        Assert.Equal(JitterPushResult.Resynchronized, second);
        Assert.Equal(JitterPushResult.Accepted, third);
        buffer.Flush();
        Assert.Equal([1, 2, 3, 4, 5, 91, 92], output.FrameValues());
    }

    [Fact]
    public void A_single_stray_packet_far_away_does_not_disturb_the_stream()
    {
        var (buffer, output) = Create();
        Push(buffer, Enumerable.Range(0, 3));
        Assert.Equal(JitterPushResult.Probation, buffer.Push(PcmCollector.FrameOf(77), PcmCollector.Header(0, firstSequence: 40_000)));
        Push(buffer, Enumerable.Range(3, 3));
        buffer.Flush();
        Assert.Equal(Range(6), output.FrameValues());
    }

    [Fact]
    public void A_new_ssrc_flushes_the_old_stream_and_starts_a_new_timeline()
    {
        var (buffer, output) = Create();
        Push(buffer, Enumerable.Range(0, 3));
        var result = buffer.Push(PcmCollector.FrameOf(50), PcmCollector.Header(0, firstSequence: 5, firstTimestamp: 123, ssrc: 0x9999));
        Assert.Equal(JitterPushResult.Resynchronized, result);
        Assert.Equal(Range(3), output.FrameValues());
        buffer.Flush();
        Assert.Equal([1, 2, 3, 50], output.FrameValues());
    }

    [Fact]
    public void Empty_and_oversized_packets_are_rejected()
    {
        var output = new PcmCollector();
        using var buffer = new JitterBuffer(output, new JitterBufferOptions { MaxPacketSamples = 320 });
        Assert.Equal(JitterPushResult.Rejected, buffer.Push([], PcmCollector.Header(0)));
        Assert.Equal(JitterPushResult.Rejected, buffer.Push(new short[321], PcmCollector.Header(1)));
        Assert.Equal(2, buffer.Statistics.Rejected);
    }

    [Fact]
    public void Output_length_matches_the_timeline_under_mixed_loss_reordering_and_duplicates()
    {
        var (buffer, output) = Create(depthMs: 100);
        var random = new Random(7);
        var order = new List<int>();
        for (int i = 0; i < 500; i++)
        {
            if (random.Next(20) == 0)
            {
                continue;   // 5 % loss
            }

            order.Add(i);
            if (random.Next(25) == 0)
            {
                order.Add(i);   // duplicate
            }
        }

        // Swap neighbours now and then (reordering within the depth); keep the last packet last.
        for (int i = 1; i < order.Count - 2; i += 1 + random.Next(6))
        {
            (order[i], order[i + 1]) = (order[i + 1], order[i]);
        }

        Push(buffer, order);
        buffer.Flush();
        Assert.Equal(500 * 160, output.Samples.Count);
        var values = output.FrameValues();
        for (int i = 0; i < values.Count; i++)
        {
            Assert.True(values[i] == 0 || values[i] == i + 1, $"frame {i} holds {values[i]}");
        }

        Assert.Equal(0, buffer.Statistics.Late);
    }

    [Fact]
    public void Pushing_does_not_allocate()
    {
        var sink = new CountingSink();
        using var buffer = new JitterBuffer(sink);
        var frame = new short[160];
        var header = new RtpHeader { SequenceNumber = 1, Timestamp = 0, Ssrc = 1 };
        for (int i = 0; i < 100; i++)
        {
            buffer.Push(frame, header);
            header.SequenceNumber++;
            header.Timestamp += 160;
        }

        AllocationMeter.AssertNone(() =>
        {
            for (int i = 0; i < 2_500; i++)
            {
                // Every tenth packet lost, so gap filling is exercised too.
                if (i % 10 != 0)
                {
                    buffer.Push(frame, header);
                }

                header.SequenceNumber++;
                header.Timestamp += 160;
            }
        });
        Assert.True(sink.Samples > 10_000 * 150);
    }

    private sealed class CountingSink : IPcmSink
    {
        public long Samples { get; private set; }

        public void Write(ReadOnlySpan<short> samples) => Samples += samples.Length;
    }
}
