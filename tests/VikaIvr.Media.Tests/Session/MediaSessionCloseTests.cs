using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Media.Receive;
using VikaIvr.Media.Sdp;
using VikaIvr.Media.Session;

namespace VikaIvr.Media.Tests.Session;

/// <summary>The close: its RTCP BYE, and no send after it through a descriptor another socket may have taken.</summary>
public class MediaSessionCloseTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Closing_sends_rtcp_bye_one_port_above_the_sdp_rtp_address(bool sharedReceiver)
    {
        if (sharedReceiver && !MediaReceiver.IsSupported)
        {
            return;
        }

        await using var pair = new LoopbackPair(sharedReceiver: sharedReceiver);
        pair.StartBoth();
        await pair.A.DisposeAsync();
        await LoopbackPair.WaitUntil(() => pair.B.GetStatistics().RemoteByeReceived);
    }

    [Fact]
    public async Task A_session_closed_while_the_pacer_sends_never_sends_through_a_reused_descriptor()
    {
        if (!MediaReceiver.IsSupported)
        {
            return;
        }

        // Sessions the receiver reads send with sendto on their descriptors. Each closes while a
        // pacer sends its frames; sockets opened at once after take the freed descriptor numbers.
        // A frame sent after the close would leave through one of them: from its port.
        await using var pair = new LoopbackPair(sharedReceiver: true);
        using var sink = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sink.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var media = new NegotiatedMedia(pair.Codec, 101, 20, (IPEndPoint)sink.LocalEndPoint!, SdpDirection.SendRecv);
        var options = new MediaSessionOptions { ComfortSilence = true };
        var grabbers = new List<Socket>();
        var grabbed = new HashSet<int>();
        using var stop = new CancellationTokenSource();
        var pacer = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                pair.Frames(1);
            }
        });
        try
        {
            for (int i = 0; i < 100; i++)
            {
                var session = new MediaSession(pair.Clock, pair.Allocator.Allocate(IPAddress.Loopback), options, pair.Time, NullLogger<MediaSession>.Instance, pair.Receiver);
                session.Start(media);
                await LoopbackPair.WaitUntil(() => session.GetStatistics().PacketsSent > 0);
                await session.DisposeAsync();
                for (int g = 0; g < 2; g++)
                {
                    var grabber = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    grabber.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                    grabbers.Add(grabber);
                    grabbed.Add(((IPEndPoint)grabber.LocalEndPoint!).Port);
                }
            }
        }
        finally
        {
            stop.Cancel();
            await pacer;
        }

        var buffer = new byte[1500];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        int frames = 0;
        while (sink.Available > 0)
        {
            sink.ReceiveFrom(buffer, ref from);
            frames++;
            Assert.DoesNotContain(((IPEndPoint)from).Port, grabbed);
        }

        grabbers.ForEach(g => g.Dispose());
        Assert.True(frames > 0, "no frame was sent while the sessions ran");
    }
}
