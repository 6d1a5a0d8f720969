using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Sip.Core;
using VikaIvr.Sip.Core.Outgoing;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Testing.Tests.Caller;

/// <summary>The calling side of the user agent core against its answering side over loopback UDP and TCP.</summary>
public sealed class SipClientAgentTests : IAsyncLifetime
{
    private const string Offer = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n";
    private const string Answer = "v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 50000 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly Channel<SipInviteSession> _serverCalls = Channel.CreateUnbounded<SipInviteSession>();
    private SipTransport _serverTransport = null!;
    private SipUserAgent _server = null!;
    private SipTransport _clientTransport = null!;
    private SipUserAgent _client = null!;

    public Task InitializeAsync()
    {
        _serverTransport = new SipTransport(new SipTransportOptions { BindAddress = "127.0.0.1", Port = 0 }, TimeProvider.System, NullLogger<SipTransport>.Instance);
        _server = new SipUserAgent(_serverTransport, new SipUserAgentOptions(), new SipTimerOptions(), TimeProvider.System, NullLogger<SipUserAgent>.Instance);
        _server.Start();
        _ = AnswerEveryCallAsync();
        _clientTransport = new SipTransport(new SipTransportOptions { BindAddress = "127.0.0.1", Port = 0 }, TimeProvider.System, NullLogger<SipTransport>.Instance);
        _client = new SipUserAgent(_clientTransport, new SipUserAgentOptions { AnswerCalls = false }, new SipTimerOptions(), TimeProvider.System, NullLogger<SipUserAgent>.Instance);
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
        var call = await DialAsync(Request("165", protocol));

        var answer = await call.DialResult.WaitAsync(Wait);
        Assert.Equal(200, answer.StatusCode);
        Assert.Contains("m=audio 50000", call.RemoteBody!.Text, StringComparison.Ordinal);
        var serverCall = await _serverCalls.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Contains("m=audio 40000", serverCall.Offer!.Text, StringComparison.Ordinal);
        await serverCall.Acknowledged.WaitAsync(Wait); // our ACK arrived
        Assert.Equal(SipCallState.Confirmed, serverCall.State);

        await call.HangupAsync().WaitAsync(Wait);

        Assert.Equal("local-bye", call.EndedWith!.ToString());
        var serverEnd = await serverCall.Completion.WaitAsync(Wait);
        Assert.Equal(SipCallEndReason.RemoteBye, serverEnd.Reason);
        Assert.Equal(SipCallState.Ended, serverCall.State);
    }

    [Fact]
    public async Task A_refused_call_reports_the_status_and_ends()
    {
        var call = _client.Dial(Request("999", SipTransportProtocol.Udp));

        var answer = await call.DialResult.WaitAsync(Wait);

        Assert.Equal(404, answer.StatusCode);
        Assert.True(call.Ended.IsCancellationRequested);
        Assert.Equal("rejected 404", call.EndedWith!.ToString());
    }

    [Fact]
    public async Task Info_dtmf_reaches_the_server_and_server_bye_ends_our_call()
    {
        var call = _client.Dial(Request("165", SipTransportProtocol.Udp));
        await call.DialResult.WaitAsync(Wait);
        var serverCall = await _serverCalls.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        await serverCall.Acknowledged.WaitAsync(Wait);

        var status = await call.SendInfoDtmfAsync('5', TimeSpan.FromMilliseconds(100)).WaitAsync(Wait);

        Assert.Equal(200, status);
        var info = await serverCall.Infos.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal("application/dtmf-relay", info.ContentType);
        Assert.Contains("Signal=5", info.Text, StringComparison.Ordinal);

        await serverCall.HangupAsync().WaitAsync(Wait);
        var end = await call.Completion.WaitAsync(Wait);
        Assert.Equal("remote-bye", end.ToString());
        Assert.True(call.Ended.IsCancellationRequested);
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(503, false)]
    public async Task Refer_from_the_server_is_accepted_and_notified_with_the_configured_outcome(int outcome, bool succeeded)
    {
        var request = Request("165", SipTransportProtocol.Udp) with { ReferOutcome = _ => outcome };
        var call = _client.Dial(request);
        await call.DialResult.WaitAsync(Wait);
        var serverCall = await _serverCalls.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        await serverCall.Acknowledged.WaitAsync(Wait);

        var result = await serverCall.TransferAsync("sip:agent@localhost").WaitAsync(Wait);

        Assert.Equal(succeeded, result.Succeeded);
        Assert.Equal(outcome, result.StatusCode);
        // The server may see the NOTIFY before our side has logged sending it: read until it is there.
        var events = new List<SipOutgoingEvent>();
        while (!events.Exists(e => e.Kind == SipOutgoingEventKind.NotifySent))
        {
            events.Add(await call.Events.ReadAsync().AsTask().WaitAsync(Wait));
        }

        Assert.Contains(events, e => e.Kind == SipOutgoingEventKind.ReferReceived && e.Text == "sip:agent@localhost");
        Assert.Contains(events, e => e.Kind == SipOutgoingEventKind.NotifySent && e.StatusCode == outcome);
    }

    private async Task<SipInviteSession> DialAsync(SipDialRequest request)
    {
        var call = _client.Dial(request);
        // The TCP side starts on the thread pool just after Start(): until then a dial is refused with 503 at once.
        for (var retry = 0; retry < 40 && call.DialResult.IsCompleted && call.DialResult.Result.StatusCode == 503 && request.Destination.IsReliable; retry++)
        {
            await Task.Delay(50);
            call = _client.Dial(request);
        }

        return call;
    }

    private async Task AnswerEveryCallAsync()
    {
        await foreach (var session in _server.IncomingCalls.ReadAllAsync())
        {
            _serverCalls.Writer.TryWrite(session);
            session.Accept(SipBody.FromText("application/sdp", Answer));
        }
    }

    private SipDialRequest Request(string user, SipTransportProtocol protocol)
    {
        var server = _serverTransport.GetLocalEndPoint(protocol)!;
        var uri = new SipUri("sip", user, "127.0.0.1", server.Port);
        return new SipDialRequest(uri, new SipEndPoint(protocol, new IPEndPoint(IPAddress.Loopback, server.Port)), "081234567890", Offer);
    }
}
