using System.Net;
using Microsoft.Extensions.Time.Testing;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Tests.Core;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Tests.Transactions;

public sealed class SipTransactionTests
{
    private static readonly SipEndPoint Peer = new(SipTransportProtocol.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.20"), 5060));
    private readonly FakeTimeProvider _time = new();
    private readonly InMemorySipTransport _transport = new();
    private readonly SipTransactionLayer _layer;

    public SipTransactionTests() => _layer = new SipTransactionLayer(_transport, new SipTimerOptions(), _time);

    private static SipRequest Request(string method)
    {
        var r = new SipRequest(method, SipUri.Parse("sip:user@192.0.2.20"));
        r.Headers.Add("Via", SipVia.Create("UDP", "10.0.0.1", 5060, SipTransactionLayer.NewBranch()).ToString());
        r.Headers.Add("Max-Forwards", "70");
        r.Headers.Add("From", "<sip:165@10.0.0.1>;tag=a");
        r.Headers.Add("To", "<sip:user@192.0.2.20>");
        r.Headers.Add("Call-ID", "tx-1");
        r.Headers.Add("CSeq", "1 " + method);
        return r;
    }

    private int Sent(string method) => _transport.Requests(method).Count;

    [Fact]
    public async Task Non_invite_client_retransmits_E_then_times_out_with_F()
    {
        SipClientTransaction tx;
        {
            tx = _layer.SendRequest(Request("OPTIONS"), Peer);
        }

        Assert.Equal(1, Sent("OPTIONS"));
        var total = 1;
        foreach (var ms in new[] { 500, 1000, 2000, 4000, 4000 })
        {
            _time.Advance(TimeSpan.FromMilliseconds(ms));
            Assert.Equal(++total, Sent("OPTIONS"));
        }

        Assert.False(tx.Completion.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(32) - TimeSpan.FromMilliseconds(11500));
        var response = await tx.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(408, response.StatusCode);
        Assert.True(tx.TimedOut);
        Assert.Equal(0, _layer.ClientCount);
    }

    [Fact]
    public async Task Non_invite_client_completes_on_final_response_and_stops_retransmitting()
    {
        var request = Request("BYE");
        SipClientTransaction tx;
        {
            tx = _layer.SendRequest(request, Peer);
            var ok = SipResponse.CreateFor(request, 200, toTag: "b");
            Assert.True(_layer.HandleResponse(SipParser.Parse(SipSerializer.ToArray(ok)) as SipResponse ?? throw new InvalidOperationException()));
        }

        Assert.Equal(200, (await tx.Completion.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, Sent("BYE"));
        Assert.Equal(0, _layer.ClientCount);
    }

    [Fact]
    public async Task Invite_client_retransmits_A_and_times_out_with_B()
    {
        SipClientTransaction tx;
        {
            tx = _layer.SendRequest(Request("INVITE"), Peer);
        }

        _time.Advance(TimeSpan.FromMilliseconds(500));
        _time.Advance(TimeSpan.FromMilliseconds(1000));
        _time.Advance(TimeSpan.FromMilliseconds(2000));
        Assert.Equal(4, Sent("INVITE"));
        _time.Advance(TimeSpan.FromSeconds(32));
        Assert.Equal(408, (await tx.Completion.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);
    }

    [Fact]
    public async Task Invite_client_acks_a_failure_and_reacks_its_retransmission()
    {
        var request = Request("INVITE");
        SipClientTransaction tx;
        {
            tx = _layer.SendRequest(request, Peer);
            var busy = (SipResponse)SipParser.Parse(SipSerializer.ToArray(SipResponse.CreateFor(request, 486, toTag: "b")));
            _layer.HandleResponse(busy);
            _layer.HandleResponse(busy);
        }

        Assert.Equal(486, (await tx.Completion.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);
        var acks = _transport.Requests("ACK");
        Assert.Equal(2, acks.Count);
        Assert.Equal(request.TopVia!.Branch, acks[0].TopVia!.Branch);
        Assert.Equal("b", acks[0].To!.Tag);
        _time.Advance(TimeSpan.FromSeconds(33));
        Assert.Equal(0, _layer.ClientCount);
    }

    [Fact]
    public void Non_invite_server_answers_retransmissions_until_timer_J()
    {
        var f = new SipUaFixture();
        f.Transport.Inject(SipTestMessages.Options());
        f.Transport.Inject(SipTestMessages.Options());
        Assert.Equal(2, f.Transport.Responses(200).Count);
        Assert.Equal(1, f.Agent.Transactions.ServerCount);
        f.Time.Advance(TimeSpan.FromSeconds(32));
        Assert.Equal(0, f.Agent.Transactions.ServerCount);
        f.Transport.Inject(SipTestMessages.Options());
        Assert.Equal(3, f.Transport.Responses(200).Count);
    }

    [Fact]
    public async Task Invite_server_failure_is_retransmitted_G_until_H_without_ack()
    {
        var f = new SipUaFixture();
        f.Handler.OnInvite = (_, _) => Task.FromResult(Sip.Core.SipAnswer.Reject(486));
        f.Transport.Inject(SipTestMessages.Invite());
        await SipUaFixture.WaitUntil(() => f.Transport.Responses(486).Count == 1);
        f.Time.Advance(TimeSpan.FromMilliseconds(500));
        f.Time.Advance(TimeSpan.FromMilliseconds(1000));
        Assert.Equal(3, f.Transport.Responses(486).Count);
        f.Time.Advance(TimeSpan.FromSeconds(40));
        var count = f.Transport.Responses(486).Count;
        Assert.Equal(0, f.Agent.Transactions.ServerCount);
        f.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(count, f.Transport.Responses(486).Count);
    }
}
