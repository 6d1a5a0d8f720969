using VikaIvr.Media.Recording;
using VikaIvr.Media.Rtp;

namespace VikaIvr.Media.Tests.Recording;

/// <summary>Collects a jitter buffer's output; frames are made of one value (frame number + 1) so order is visible.</summary>
internal sealed class PcmCollector : IPcmSink
{
    public const int Frame = 160;

    public List<short> Samples { get; } = [];

    public void Write(ReadOnlySpan<short> samples)
    {
        foreach (short s in samples)
        {
            Samples.Add(s);
        }
    }

    /// <summary>The value of each 160-sample frame of the output (0 = silence), checking each frame is uniform.</summary>
    public List<int> FrameValues()
    {
        Assert.Equal(0, Samples.Count % Frame);
        var values = new List<int>();
        for (int i = 0; i < Samples.Count; i += Frame)
        {
            short v = Samples[i];
            for (int j = 1; j < Frame; j++)
            {
                Assert.Equal(v, Samples[i + j]);
            }

            values.Add(v);
        }

        return values;
    }

    public static short[] FrameOf(int value) => Enumerable.Repeat((short)value, Frame).ToArray();

    public static RtpHeader Header(int index, ushort firstSequence = 1000, uint firstTimestamp = 50_000, uint ssrc = 0x1234)
        => new()
        {
            PayloadType = 0,
            SequenceNumber = (ushort)(firstSequence + index),
            Timestamp = firstTimestamp + (uint)(index * Frame),
            Ssrc = ssrc,
        };
}
