using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Media.Clock;
using VikaIvr.Media.Receive;
using VikaIvr.Media.Sdp;
using VikaIvr.Media.Session;
using VikaIvr.Media.Shared;
using VikaIvr.Sip.Message;
using VikaIvr.Telephony.Calls;
using VikaIvr.Telephony.Media;

namespace VikaIvr.Telephony.Tests.Calls;

/// <summary>
/// The call service with Media:SharedRtpPort: an offer is answered on the shared port when its
/// sender can be told apart there (an address no other call's media come from, or an announced
/// SSRC), else on a port pair of its own; the answer on the shared port announces our SSRC.
/// </summary>
public sealed class CallServiceSharedPortTests : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly SipHarness _sip = new();
    private readonly MediaClock _clock = new(new MediaClockOptions { MaxPacerThreads = 1 }, new ManualTickSource(), NullLogger<MediaClock>.Instance);
    private readonly MediaReceiver _receiver = new(new MediaReceiverOptions { Threads = 1, Priority = PacerThreadPriority.Normal, IdleWake = TimeSpan.FromMilliseconds(20) },
        NullLogger<MediaReceiver>.Instance);
    private readonly CallServiceTests.Records _records = new();
    private readonly CallServiceTests.TestApplication _app = new();
    private readonly TelephonyOptions _options = new() { MediaAddress = IPAddress.Loopback };
    private readonly RtpPortAllocator _ports;
    private readonly SharedRtpPort _shared;
    private readonly CallService _service;

    public CallServiceSharedPortTests()
    {
        _clock.Start();
        _receiver.Start();
        // Ports in the range helpers may use (40000-44999): the shared pair first, then the per-call range above it.
        _shared = OpenShared(40000 + ((Environment.ProcessId % 100) * 20));
        int first = _shared.Port + 2;
        _ports = new RtpPortAllocator(new RtpPortAllocatorOptions { MinPort = first, MaxPort = first + 15 });
        _service = new CallService(_sip.Agent, _options, _clock, _ports, new EncodedClipCache(), _app, _records,
            TimeProvider.System, NullLoggerFactory.Instance)
        {
            Receiver = _receiver,
            SharedPort = _shared,
        };
        _service.Start();
    }

    [Fact]
    public async Task A_second_call_from_the_same_address_without_ssrc_gets_a_port_of_its_own()
    {
        var first = await AnswerAsync("a", Offer(4000));
        var second = await AnswerAsync("b", Offer(4000));

        Assert.Equal(_shared.Port, first.Port);
        Assert.NotNull(first.GetAttribute("ssrc"));
        Assert.NotEqual(_shared.Port, second.Port);
        Assert.InRange(second.Port, _shared.Port + 2, _shared.Port + 17);
        Assert.Equal(1, _shared.Calls);
        Assert.Equal(1, _ports.InUse);

        await EndAsync("a", "b");
        Assert.Equal(0, _shared.Calls);
        Assert.Equal(0, _ports.InUse);
    }

    [Theory]
    [InlineData(4100, "", "")]                                                      // told apart by address
    [InlineData(4000, "a=ssrc:111 cname:tester\r\n", "a=ssrc:222 cname:tester\r\n")]  // one address, told apart by SSRC
    public async Task Calls_that_can_be_told_apart_all_get_the_shared_port_each_announcing_its_own_ssrc(int secondPort, string firstSsrc, string secondSsrc)
    {
        var first = await AnswerAsync("a", Offer(4000, firstSsrc));
        var second = await AnswerAsync("b", Offer(secondPort, secondSsrc));

        Assert.Equal(_shared.Port, first.Port);
        Assert.Equal(_shared.Port, second.Port);
        string ours1 = first.GetAttribute("ssrc")!, ours2 = second.GetAttribute("ssrc")!;
        // The CNAME our RTCP sends too (RFC 5576: the a=ssrc's cname is the stream's SDES CNAME).
        Assert.EndsWith(" cname:" + _options.Media.Cname, ours1, StringComparison.Ordinal);
        Assert.NotEqual(ours1, ours2);
        Assert.Equal(2, _shared.Calls);
        Assert.Equal(0, _ports.InUse);

        await EndAsync("a", "b");
        Assert.Equal(0, _shared.Calls);
    }

    [Fact]
    public async Task The_same_ssrc_from_the_same_address_cannot_be_told_apart_and_gets_a_port_of_its_own()
    {
        var first = await AnswerAsync("a", Offer(4000, "a=ssrc:111 cname:tester\r\n"));
        var second = await AnswerAsync("b", Offer(4000, "a=ssrc:111 cname:tester\r\n"));

        Assert.Equal(_shared.Port, first.Port);
        Assert.NotEqual(_shared.Port, second.Port);
        Assert.Null(second.GetAttribute("ssrc"));

        await EndAsync("a", "b");
    }

    [Fact]
    public async Task A_late_offer_call_gets_a_port_of_its_own()
    {
        _sip.Inject(SipHarness.Invite("late", withSdp: false, branch: "z9hG4bKlate"));
        var ok = await OkAsync("late");
        _sip.Inject(SipHarness.InDialog("ACK", ok.To!.Tag!, 1, "z9hG4bKacklate", "late", SipHarness.Sdp, "application/sdp"));
        await _app.Started.Reader.ReadAsync().AsTask().WaitAsync(Wait);

        Assert.NotEqual(_shared.Port, AudioOf(ok).Port);
        Assert.Equal(0, _shared.Calls);

        await EndAsync("late");
    }

    [Fact]
    public async Task The_shared_port_is_free_again_for_the_address_once_its_call_ended()
    {
        await AnswerAsync("a", Offer(4000));
        await EndAsync("a");

        var again = await AnswerAsync("b", Offer(4000));

        Assert.Equal(_shared.Port, again.Port);
        await EndAsync("b");
    }

    [Fact]
    public async Task A_reinvite_moving_to_another_calls_address_without_ssrc_is_refused_and_the_call_goes_on()
    {
        await AnswerAsync("a", Offer(4000));
        await AnswerAsync("b", Offer(4100));
        var tag = (await OkAsync("b")).To!.Tag!;

        var refused = WaitForAsync(m => m is SipResponse { StatusCode: 488 } r && r.CallId == "b");
        _sip.Inject(SipHarness.InDialog("INVITE", tag, 2, "z9hG4bKreb", "b", Offer(4000), "application/sdp"));
        Assert.Equal("Media address in use", ((SipResponse)await refused).ReasonPhrase);
        _sip.Inject(SipHarness.InDialog("ACK", tag, 2, "z9hG4bKreb", "b"));

        // Moving to a free address is fine, and the shared port still holds both calls.
        var moved = WaitForAsync(m => m is SipResponse { StatusCode: 200 } r && r.CallId == "b" && r.CSeq?.Number == 3);
        _sip.Inject(SipHarness.InDialog("INVITE", tag, 3, "z9hG4bKreb3", "b", Offer(4200), "application/sdp"));
        Assert.Equal(_shared.Port, AudioOf((SipResponse)await moved).Port);
        Assert.Equal(2, _shared.Calls);

        await EndAsync("a", "b");
    }

    public async ValueTask DisposeAsync()
    {
        await _service.DisposeAsync();
        await _sip.Agent.DisposeAsync();
        _shared.Dispose();
        _receiver.Dispose();
        _clock.Dispose();
    }

    private static string Offer(int port, string extra = "") =>
        "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
        $"m=audio {port} RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n" + extra;

    /// <summary>Places a call with <paramref name="offer"/>, acknowledges the 200 and waits for the application: the answer's audio section.</summary>
    private async Task<SdpMediaDescription> AnswerAsync(string callId, string offer)
    {
        var answered = OkAsync(callId);
        _sip.Inject(SipHarness.Invite(callId, branch: "z9hG4bK" + callId, sdp: offer));
        var ok = await answered;
        _sip.Inject(SipHarness.InDialog("ACK", ok.To!.Tag!, 1, "z9hG4bKack" + callId, callId));
        await _app.Started.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        return AudioOf(ok);
    }

    /// <summary>The callers hang up; waits for every record (the media given back).</summary>
    private async Task EndAsync(params string[] callIds)
    {
        uint cseq = 10;
        foreach (var callId in callIds)
        {
            var ok = await OkAsync(callId);
            _sip.Inject(SipHarness.InDialog("BYE", ok.To!.Tag!, cseq++, "z9hG4bKbye" + callId, callId));
        }

        foreach (var _ in callIds)
        {
            await _records.Saved.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        }
    }

    private async Task<SipResponse> OkAsync(string callId) =>
        (SipResponse)await WaitForAsync(m => m is SipResponse { StatusCode: 200 } r && r.CallId == callId && r.CSeq?.Method == SipMethods.Invite);

    private Task<SipMessage> WaitForAsync(Func<SipMessage, bool> match)
    {
        var found = new TaskCompletionSource<SipMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(SipMessage m)
        {
            if (match(m))
            {
                found.TrySetResult(m);
            }
        }

        _sip.MessageSent += Check;
        foreach (var r in _sip.Responses(200).Concat(_sip.Responses(488)))
        {
            Check(r);
        }

        return found.Task.WaitAsync(Wait);
    }

    private static SdpMediaDescription AudioOf(SipResponse ok)
    {
        Assert.True(SdpSessionDescription.TryParse(Encoding.ASCII.GetString(ok.Body.Span), out var sdp, out string? error), error);
        return Assert.Single(sdp.Media);
    }

    /// <summary>The first even port pair from <paramref name="from"/> that binds (another test run may hold one).</summary>
    private SharedRtpPort OpenShared(int from)
    {
        for (int port = from; port < 44990; port += 2)
        {
            try
            {
                return new SharedRtpPort(IPAddress.Loopback, port, _receiver);
            }
            catch (SocketException)
            {
            }
        }

        throw new InvalidOperationException("no free RTP port pair in 40000-44999");
    }
}
