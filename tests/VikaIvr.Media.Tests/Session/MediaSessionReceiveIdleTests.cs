using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VikaIvr.Media.Clock;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Sdp;
using VikaIvr.Media.Session;

namespace VikaIvr.Media.Tests.Session;

/// <summary>The inactivity watch's input: how long the caller has been silent, and never while it holds.</summary>
public sealed class MediaSessionReceiveIdleTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
    private readonly MediaClock _clock = new(new MediaClockOptions { MaxPacerThreads = 1 }, new ManualTickSource(), NullLogger<MediaClock>.Instance);
    private readonly MediaSession _session;
    private readonly UdpClient _caller = new(new IPEndPoint(IPAddress.Loopback, 0));

    public MediaSessionReceiveIdleTests()
    {
        int first = 41300 + (Environment.ProcessId % 30) * 20;
        var ports = new RtpPortAllocator(new RtpPortAllocatorOptions { MinPort = first, MaxPort = first + 19 });
        _clock.Start();
        _session = new MediaSession(_clock, ports.Allocate(IPAddress.Loopback), new MediaSessionOptions { ComfortSilence = false }, _time, NullLogger<MediaSession>.Instance);
    }

    private NegotiatedMedia Media(SdpDirection direction, bool holdAddress = false) =>
        new(RtpAudioCodec.Pcmu, 101, 20, holdAddress ? null : (IPEndPoint)_caller.Client.LocalEndPoint!, direction);

    [Fact]
    public async Task Idle_counts_from_the_start_and_an_rtp_or_rtcp_packet_sets_it_back_to_zero()
    {
        Assert.Null(_session.ReceiveIdle);
        _session.Start(Media(SdpDirection.SendRecv));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromSeconds(10), _session.ReceiveIdle);

        await SendRtpAsync();
        await WaitUntilAsync(() => _session.ReceiveIdle == TimeSpan.Zero);

        _time.Advance(TimeSpan.FromSeconds(5));
        // An RTCP receiver report (V=2, RC=0, PT=201, length 1) counts as a sign of life too.
        await _caller.SendAsync(new byte[] { 0x80, 201, 0, 1, 1, 2, 3, 4 }, new IPEndPoint(IPAddress.Loopback, _session.LocalEndPoint.Port + 1));
        await WaitUntilAsync(() => _session.ReceiveIdle == TimeSpan.Zero);
    }

    [Theory]
    [InlineData(SdpDirection.RecvOnly, false)] // the caller offered sendonly
    [InlineData(SdpDirection.Inactive, false)]
    [InlineData(SdpDirection.RecvOnly, true)] // c=0.0.0.0
    public void A_held_call_is_never_idle_and_the_wait_starts_again_at_the_resume(SdpDirection ours, bool holdAddress)
    {
        _session.Start(Media(SdpDirection.SendRecv));
        _time.Advance(TimeSpan.FromSeconds(20));
        _session.Update(Media(ours, holdAddress));
        Assert.Null(_session.ReceiveIdle);
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Null(_session.ReceiveIdle);

        _session.Update(Media(SdpDirection.SendRecv));
        Assert.Equal(TimeSpan.Zero, _session.ReceiveIdle);
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(TimeSpan.FromSeconds(3), _session.ReceiveIdle);
    }

    public async ValueTask DisposeAsync()
    {
        await _session.DisposeAsync();
        Assert.Null(_session.ReceiveIdle);
        _caller.Dispose();
        _clock.Dispose();
    }

    private async Task SendRtpAsync()
    {
        var packet = new byte[12 + 160];
        packet[0] = 0x80;
        packet[1] = 0; // PCMU
        packet[3] = 1;
        packet[11] = 7;
        await _caller.SendAsync(packet, new IPEndPoint(IPAddress.Loopback, _session.LocalEndPoint.Port));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
