using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Sip.Admission;
using VikaIvr.Sip.Core;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Telephony.Tests.Calls;

/// <summary>A SIP user agent on a socketless transport: tests play the caller with raw messages and read what the agent sent.</summary>
public sealed class SipHarness : ISipTransport
{
    public static readonly IPEndPoint Local = new(IPAddress.Loopback, 5060);
    public static readonly SipEndPoint Caller = new(SipTransportProtocol.Udp, new IPEndPoint(IPAddress.Loopback, 5062));
    public const string Sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n";

    private readonly List<SipMessage> _sent = [];
    private ISipInboundHandler? _handler;

    public SipHarness(TimeProvider? time = null, SipAdmissionOptions? admission = null)
    {
        var options = new SipUserAgentOptions { Admission = admission ?? new SipAdmissionOptions() };
        Agent = new SipUserAgent(this, options, new SipTimerOptions(), time ?? TimeProvider.System, NullLogger<SipUserAgent>.Instance);
        Agent.Start();
    }

    public SipUserAgent Agent { get; }

    /// <summary>Raised after each message the agent sends.</summary>
    public event Action<SipMessage>? MessageSent;

    public void Start(ISipInboundHandler handler) => _handler = handler;

    public bool Send(SipMessage message, SipEndPoint destination)
    {
        var copy = SipParser.Parse(SipSerializer.ToArray(message));
        lock (_sent)
        {
            _sent.Add(copy);
        }

        MessageSent?.Invoke(copy);
        return true;
    }

    public IPEndPoint? GetLocalEndPoint(SipTransportProtocol protocol) => Local;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void Inject(string raw) =>
        _handler!.OnMessage(SipParser.Parse(Encoding.UTF8.GetBytes(raw.ReplaceLineEndings("\r\n"))), Caller, Local);

    public List<SipResponse> Responses(int status)
    {
        lock (_sent)
        {
            return [.. _sent.OfType<SipResponse>().Where(r => r.StatusCode == status)];
        }
    }

    public List<SipRequest> Requests(string method)
    {
        lock (_sent)
        {
            return [.. _sent.OfType<SipRequest>().Where(r => r.Method == method)];
        }
    }

    /// <summary>Waits for a response with <paramref name="status"/> to a request of <paramref name="method"/>.</summary>
    public Task<SipResponse> ResponseAsync(int status, string method)
    {
        var found = new TaskCompletionSource<SipResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(SipMessage m)
        {
            if (m is SipResponse r && r.StatusCode == status && r.CSeq?.Method == method)
            {
                found.TrySetResult(r);
            }
        }

        MessageSent += Check;
        lock (_sent)
        {
            foreach (var m in _sent)
            {
                Check(m);
            }
        }

        return found.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Waits for a request of <paramref name="method"/> sent by the agent.</summary>
    public Task<SipRequest> RequestAsync(string method)
    {
        var found = new TaskCompletionSource<SipRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(SipMessage m)
        {
            if (m is SipRequest r && r.Method == method)
            {
                found.TrySetResult(r);
            }
        }

        MessageSent += Check;
        lock (_sent)
        {
            foreach (var m in _sent)
            {
                Check(m);
            }
        }

        return found.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public static string Invite(string callId = "call-1", bool withSdp = true, string branch = "z9hG4bKinv1", string sdp = Sdp)
    {
        var body = withSdp ? sdp : string.Empty;
        return "INVITE sip:165@127.0.0.1 SIP/2.0\r\n"
            + $"Via: SIP/2.0/UDP 127.0.0.1:5062;branch={branch};rport\r\n"
            + "Max-Forwards: 70\r\n"
            + "From: \"Caller\" <sip:0812@127.0.0.1>;tag=caller1\r\n"
            + "To: <sip:165@127.0.0.1>\r\n"
            + $"Call-ID: {callId}\r\n"
            + "CSeq: 1 INVITE\r\n"
            + "Contact: <sip:0812@127.0.0.1:5062>\r\n"
            + (withSdp ? "Content-Type: application/sdp\r\n" : string.Empty)
            + $"Content-Length: {body.Length}\r\n\r\n" + body;
    }

    public static string InDialog(string method, string toTag, uint cseq, string branch, string callId = "call-1", string body = "", string contentType = "") =>
        $"{method} sip:165@127.0.0.1 SIP/2.0\r\n"
        + $"Via: SIP/2.0/UDP 127.0.0.1:5062;branch={branch};rport\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: \"Caller\" <sip:0812@127.0.0.1>;tag=caller1\r\n"
        + $"To: <sip:165@127.0.0.1>;tag={toTag}\r\n"
        + $"Call-ID: {callId}\r\n"
        + $"CSeq: {cseq} {method}\r\n"
        + (contentType.Length > 0 ? $"Content-Type: {contentType}\r\n" : string.Empty)
        + $"Content-Length: {body.Length}\r\n\r\n" + body;

    public static string Cancel(string callId = "call-1", string branch = "z9hG4bKinv1") =>
        "CANCEL sip:165@127.0.0.1 SIP/2.0\r\n"
        + $"Via: SIP/2.0/UDP 127.0.0.1:5062;branch={branch};rport\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: \"Caller\" <sip:0812@127.0.0.1>;tag=caller1\r\n"
        + "To: <sip:165@127.0.0.1>\r\n"
        + $"Call-ID: {callId}\r\n"
        + "CSeq: 1 CANCEL\r\n"
        + "Content-Length: 0\r\n\r\n";

    /// <summary>The caller answers a request the agent sent (a BYE, a REFER).</summary>
    public void Reply(SipRequest request, int status) =>
        Inject(Encoding.UTF8.GetString(SipSerializer.ToArray(SipResponse.CreateFor(request, status))));

    /// <summary>The caller hangs up an answered call (BYE in its dialog) and the session ends.</summary>
    public async Task ByeFromCallerAsync(SipInviteSession session, uint cseq = 2)
    {
        var ok = await ResponseAsync(200, SipMethods.Invite);
        Inject(InDialog(SipMethods.Bye, ok.To!.Tag!, cseq, "z9hG4bKbye" + cseq, session.CallId));
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>An incoming session (INVITE injected, not answered yet).</summary>
    public async Task<SipInviteSession> IncomingAsync(string callId = "call-1")
    {
        Inject(Invite(callId));
        return await Agent.IncomingCalls.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }
}
