using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Sip.Core;
using VikaIvr.Sip.Core.Outgoing;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Testing.Tests.Caller;

/// <summary>The UAC against the project's own UAS over loopback UDP and TCP.</summary>
public sealed class SipClientAgentTests : IAsyncLifetime
{
    private const string Offer = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n";
    private readonly Handler _handler = new();
    private SipTransport _serverTransport = null!;
    private SipUserAgent _server = null!;
    private SipTransport _clientTransport = null!;
    private SipClientAgent _client = null!;

    public Task InitializeAsync()
    {
        _serverTransport = new SipTransport(new SipTransportOptions { BindAddress = "127.0.0.1", Port = 0 }, NullLogger<SipTransport>.Instance);
        _server = new SipUserAgent(_serverTransport, _handler, new SipUserAgentOptions(), new SipTimerOptions(), TimeProvider.System, NullLogger<SipUserAgent>.Instance);
        _server.Start();
        _clientTransport = new SipTransport(new SipTransportOptions { BindAddress = "127.0.0.1", Port = 0 }, NullLogger<SipTransport>.Instance);
        _client = new SipClientAgent(_clientTransport, new SipTimerOptions(), TimeProvider.System, NullLogger<SipClientAgent>.Instance);
        _client.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _server.DisposeAsync();
        await _clientTransport.DisposeAsync();
        await _serverTransport.DisposeAsync();
    }

    [Theory]
    [InlineData(SipTransportProtocol.Udp)]
    [InlineData(SipTransportProtocol.Tcp)]
    public async Task Dial_is_answered_then_our_bye_ends_the_call_on_both_sides(SipTransportProtocol protocol)
    {
        await Task.Delay(100); // the TCP accept loop starts on the thread pool
        var call = _client.Dial(Request("165", protocol));

        var answer = await call.Answer.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(200, answer.StatusCode);
        Assert.Contains("m=audio 50000", call.RemoteSdp, StringComparison.Ordinal);
        var serverCall = await _handler.Calls.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Contains("m=audio 40000", serverCall.Offer!.Text, StringComparison.Ordinal);
        await WaitUntil(() => serverCall.State == SipCallState.Confirmed); // our ACK arrived

        await call.HangupAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("local-bye", call.EndReason);
        await WaitUntil(() => serverCall.State == SipCallState.Ended);
        Assert.Equal(SipCallEndReason.RemoteBye, serverCall.EndReason);
    }

    [Fact]
    public async Task A_refused_call_reports_the_status_and_ends()
    {
        var call = _client.Dial(Request("999", SipTransportProtocol.Udp));

        var answer = await call.Answer.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(404, answer.StatusCode);
        Assert.True(call.Ended.IsCancellationRequested);
        Assert.Equal("rejected 404", call.EndReason);
    }

    [Fact]
    public async Task Info_dtmf_reaches_the_server_and_server_bye_ends_our_call()
    {
        var call = _client.Dial(Request("165", SipTransportProtocol.Udp));
        await call.Answer.WaitAsync(TimeSpan.FromSeconds(10));
        var serverCall = await _handler.Calls.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        await WaitUntil(() => serverCall.State == SipCallState.Confirmed);

        var status = await call.SendInfoDtmfAsync('5', TimeSpan.FromMilliseconds(100)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(200, status);
        var info = await _handler.Infos.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("application/dtmf-relay", info.ContentType);
        Assert.Contains("Signal=5", info.Text, StringComparison.Ordinal);

        await serverCall.HangupAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await WaitUntil(() => call.Ended.IsCancellationRequested);
        Assert.Equal("remote-bye", call.EndReason);
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(503, false)]
    public async Task Refer_from_the_server_is_accepted_and_notified_with_the_configured_outcome(int outcome, bool succeeded)
    {
        var request = Request("165", SipTransportProtocol.Udp) with { ReferOutcome = _ => outcome };
        var call = _client.Dial(request);
        await call.Answer.WaitAsync(TimeSpan.FromSeconds(10));
        var serverCall = await _handler.Calls.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        await WaitUntil(() => serverCall.State == SipCallState.Confirmed);

        var result = await serverCall.TransferAsync("sip:agent@localhost").WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(succeeded, result.Succeeded);
        Assert.Equal(outcome, result.StatusCode);
        var events = new List<SipOutgoingEvent>();
        while (call.Events.TryRead(out var ev)) events.Add(ev);
        Assert.Contains(events, e => e.Kind == SipOutgoingEventKind.ReferReceived && e.Text == "sip:agent@localhost");
        Assert.Contains(events, e => e.Kind == SipOutgoingEventKind.NotifySent && e.StatusCode == outcome);
    }

    private SipDialRequest Request(string user, SipTransportProtocol protocol)
    {
        var server = _serverTransport.GetLocalEndPoint(protocol)!;
        var uri = new SipUri("sip", user, "127.0.0.1", server.Port);
        return new SipDialRequest(uri, new SipEndPoint(protocol, new IPEndPoint(IPAddress.Loopback, server.Port)), "081234567890", Offer);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (int i = 0; i < 200 && !condition(); i++) await Task.Delay(25);
        Assert.True(condition());
    }

    private sealed class Handler : ISipCallHandler
    {
        public Channel<SipCall> Calls { get; } = Channel.CreateUnbounded<SipCall>();

        public Channel<SipBody> Infos { get; } = Channel.CreateUnbounded<SipBody>();

        public Task<SipAnswer> OnInviteAsync(SipCall call, CancellationToken cancelled)
        {
            Calls.Writer.TryWrite(call);
            var sdp = "v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 50000 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n";
            return Task.FromResult(SipAnswer.Accept(SipBody.FromText("application/sdp", sdp)));
        }

        public void OnInfo(SipCall call, SipBody body) => Infos.Writer.TryWrite(body);
    }
}
