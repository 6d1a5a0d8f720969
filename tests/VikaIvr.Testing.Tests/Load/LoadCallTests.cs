using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Flows.Scripting;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Session;
using VikaIvr.Testing.Load;

namespace VikaIvr.Testing.Tests.Load;

public sealed class LoadCallTests
{
    [Fact]
    public void Receiving_a_packet_allocates_nothing_and_times_it_and_hears_prompts_in_order()
    {
        var a = TestPrompts.Noise("welcome", silentSamples: 0, seed: 4);
        var b = TestPrompts.Noise("main-menu", silentSamples: 0, seed: 5);
        var prompts = new PromptFingerprints([a, b], RtpAudioCodec.Pcmu);
        var script = ScriptParser.Parse("call 165 from 0811\nexpect prompt welcome\n", "t.vks");
        var options = new LoadOptions { Target = "sip:165@127.0.0.1", Script = script, Prompts = prompts };
        var results = new LoadResults();
        var call = new LoadCall(options, results, NullLoggerFactory.Instance);
        var frameA = EncodedAudio.Encode(a.Samples.Span, RtpAudioCodec.Pcmu).Data[..160].ToArray();
        var frameB = EncodedAudio.Encode(b.Samples.Span, RtpAudioCodec.Pcmu).Data[..160].ToArray();
        var other = EncodedAudio.Encode(a.Samples.Span, RtpAudioCodec.Pcmu).Data.Slice(320, 160).ToArray();
        var header = new RtpHeader { PayloadType = (byte)RtpAudioCodec.Pcmu, Ssrc = 9 };
        long at = 1_765_000_000_000_000_000;
        void Packet(int i, byte[] payload)
        {
            header.SequenceNumber = (ushort)i;
            header.Timestamp = (uint)(i * 160);
            call.OnPacket(header, payload, at + (i * 20_000_000L) + (i % 2 * 100_000L));
        }

        Packet(0, frameA);   // the first packet may note the first-RTP time
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 1; i < 2000; i++) Packet(i, i == 1000 ? frameB : other);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(["welcome", "main-menu"], call.HeardSoFar());
        results.Stream(call.Timing);
        var timing = results.Snapshot(TimeSpan.Zero, 0, kernelTimestamps: true).Timing;
        Assert.Equal(2000, timing.Packets);
        Assert.Equal(0, timing.Gaps);
        Assert.Equal(0.1, timing.DeviationMaxMs, 6);
    }
}
