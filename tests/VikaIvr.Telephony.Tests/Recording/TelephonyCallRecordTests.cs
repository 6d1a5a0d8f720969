using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Flows.Digits;
using VikaIvr.Flows.Ports;
using VikaIvr.Media.Clock;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Sdp;
using VikaIvr.Media.Session;
using VikaIvr.Sip.Core;
using VikaIvr.Telephony.Calls;
using VikaIvr.Telephony.Media;
using VikaIvr.Telephony.Tests.Calls;

namespace VikaIvr.Telephony.Tests.Recording;

/// <summary>A TelephonyCall fed over loopback RTP by a second session that plays a tone.</summary>
public sealed class TelephonyCallRecordTests : IAsyncDisposable
{
    private readonly ManualTickSource _ticks = new();
    private readonly MediaClock _clock;
    private readonly MediaSession _caller;
    private readonly SipHarness _sip = new();
    private readonly SipInviteSession _session;
    private readonly TelephonyCall _call;

    public TelephonyCallRecordTests()
    {
        int first = 44000 + (Environment.ProcessId % 50) * 20;
        var ports = new RtpPortAllocator(new RtpPortAllocatorOptions { MinPort = first, MaxPort = first + 19 });
        _clock = new MediaClock(new MediaClockOptions { MaxPacerThreads = 1 }, _ticks, NullLogger<MediaClock>.Instance);
        _clock.Start();
        _caller = new MediaSession(_clock, ports.Allocate(IPAddress.Loopback), new MediaSessionOptions { ComfortSilence = false }, TimeProvider.System, NullLogger<MediaSession>.Instance);
        var server = new MediaSession(_clock, ports.Allocate(IPAddress.Loopback), new MediaSessionOptions { ComfortSilence = false }, TimeProvider.System, NullLogger<MediaSession>.Instance);
        _caller.Start(new NegotiatedMedia(RtpAudioCodec.Pcmu, 101, 20, new IPEndPoint(IPAddress.Loopback, server.LocalEndPoint.Port), SdpDirection.SendRecv));
        server.Start(new NegotiatedMedia(RtpAudioCodec.Pcmu, 101, 20, new IPEndPoint(IPAddress.Loopback, _caller.LocalEndPoint.Port), SdpDirection.SendRecv));
        _session = _sip.IncomingAsync().GetAwaiter().GetResult();
        _session.Accept(SipBody.FromText("application/sdp", SipHarness.Sdp));
        _call = new TelephonyCall(_session, server, new EncodedClipCache(), new DigitQueue(TimeProvider.System), TimeProvider.System);
    }

    private static short[] Tone(int n)
    {
        var s = new short[n];
        for (int i = 0; i < n; i++) s[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 8000.0));
        return s;
    }

    private async Task SendToneAsync(int frames)
    {
        _ = _caller.Play(EncodedAudio.Encode(Tone(160 * frames), RtpAudioCodec.Pcmu));
        long before = _call.Media.GetStatistics().PacketsReceived;
        for (int i = 0; i < frames; i++) _ticks.Advance(_clock.SlotsPerPeriod);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (_call.Media.GetStatistics().PacketsReceived < before + frames)
        {
            Assert.True(DateTime.UtcNow < deadline, "loopback RTP did not arrive");
            await Task.Delay(5);
        }
    }

    [Fact]
    public async Task Records_the_callers_audio_until_the_terminator_which_is_consumed()
    {
        _call.Digits.Post('7', DtmfSource.SipInfo); // typed before the beep: discarded
        var recording = _call.RecordAsync(new RecordOptions { SilenceTimeout = TimeSpan.FromSeconds(30) }, CancellationToken.None);
        await SendToneAsync(25);
        _call.Digits.Post('4', DtmfSource.SipInfo); // ignored while recording
        Assert.False(recording.IsCompleted);
        _call.Digits.Post('#', DtmfSource.SipInfo);
        var result = await recording.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(RecordTermination.Terminator, result.Termination);
        Assert.InRange(result.Samples.Length, 20 * 160, 25 * 160);
        long energy = 0;
        foreach (short s in result.Samples.Span) energy += Math.Abs((int)s);
        Assert.True(energy / result.Samples.Length > 3000, "the tone was recorded");
        Assert.False(_call.Digits.HasPending);
    }

    [Fact]
    public async Task A_hangup_while_recording_returns_nothing()
    {
        var recording = _call.RecordAsync(new RecordOptions(), CancellationToken.None);
        await SendToneAsync(5);
        await _sip.ByeFromCallerAsync(_session);
        var result = await recording.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(RecordTermination.Hangup, result.Termination);
        Assert.Equal(0, result.Samples.Length);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_session.Ended.IsCancellationRequested)
        {
            await _sip.ByeFromCallerAsync(_session);
        }

        await _call.DisposeAsync();
        await _caller.DisposeAsync();
        _clock.Dispose();
    }
}
