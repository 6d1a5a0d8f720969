using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Sip.Core;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Tests.Allocation;

/// <summary>
/// Drives calls through a user agent on one thread (INVITE in, the application's answer, 200 out,
/// ACK in, BYE in, 200 out) and counts what each step allocates on that thread. The transport
/// serializes as the UDP one does (into a reused buffer), so the count is the stack's own.
/// The messages are built before each step is counted.
/// </summary>
internal sealed class SipCallAllocationProbe
{
    private static readonly IPEndPoint Local = new(IPAddress.Parse("10.0.0.1"), 5060);
    private static readonly SipEndPoint Caller = new(SipTransportProtocol.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5062));
    private readonly SerializingTransport _transport = new();
    private readonly SipUserAgent _agent;
    private readonly SipBody _answer = SipBody.FromText("application/sdp", Core.SipTestMessages.Sdp);
    private int _call;

    public SipCallAllocationProbe(TimeProvider time)
    {
        _agent = new SipUserAgent(_transport, new SipUserAgentOptions(), new SipTimerOptions(), time, NullLogger<SipUserAgent>.Instance);
        _agent.Start();
    }

    /// <summary>Bytes this thread allocated in each step of one call.</summary>
    public CallSteps RunCall()
    {
        var id = "probe-" + _call++.ToString(CultureInfo.InvariantCulture) + "@192.0.2.10";
        var invite = Bytes(Core.SipTestMessages.Invite(callId: id, branch: "z9hG4bK" + _call.ToString(CultureInfo.InvariantCulture) + "inv"));

        var start = GC.GetAllocatedBytesForCurrentThread();
        Receive(invite);
        var inviteBytes = GC.GetAllocatedBytesForCurrentThread() - start;

        start = GC.GetAllocatedBytesForCurrentThread();
        if (!_agent.IncomingCalls.TryRead(out var session))
        {
            throw new InvalidOperationException("no session");
        }

        _ = session.Caller;
        _ = session.Called;
        _ = session.Offer;
        session.Accept(_answer);
        var answerBytes = GC.GetAllocatedBytesForCurrentThread() - start;

        var toTag = _transport.LastToTag();
        var ack = Bytes(Core.SipTestMessages.InDialog("ACK", toTag, 1, "z9hG4bK" + _call.ToString(CultureInfo.InvariantCulture) + "ack", id));
        start = GC.GetAllocatedBytesForCurrentThread();
        Receive(ack);
        var ackBytes = GC.GetAllocatedBytesForCurrentThread() - start;

        var bye = Bytes(Core.SipTestMessages.InDialog("BYE", toTag, 2, "z9hG4bK" + _call.ToString(CultureInfo.InvariantCulture) + "bye", id));
        start = GC.GetAllocatedBytesForCurrentThread();
        Receive(bye);
        var byeBytes = GC.GetAllocatedBytesForCurrentThread() - start;
        if (session.State != SipCallState.Ended || _transport.LastStatus != 200)
        {
            throw new InvalidOperationException("call did not end with 200 to BYE");
        }

        return new CallSteps(inviteBytes, answerBytes, ackBytes, byeBytes);
    }

    private static byte[] Bytes(string text) => Encoding.ASCII.GetBytes(text);

    private void Receive(byte[] datagram)
    {
        if (!SipParser.TryParse(datagram.AsSpan(), SipParserOptions.Default, out var message, out _))
        {
            throw new InvalidOperationException("unparsable");
        }

        _agent.OnMessage(message, Caller, Local);
    }

    internal readonly record struct CallSteps(long Invite, long Answer, long Ack, long Bye)
    {
        public long SetUp => Invite + Answer + Ack;

        public override string ToString() => FormattableString.Invariant(
            $"INVITE {Invite} B, answer {Answer} B, ACK {Ack} B (set-up {SetUp} B), BYE {Bye} B");
    }

    /// <summary>Serializes each message into one reused buffer (as the UDP transport does into a pooled one).</summary>
    private sealed class SerializingTransport : ISipTransport
    {
        private byte[] _buffer = new byte[4096];
        private int _length;

        public int LastStatus { get; private set; }

        public void Start(ISipInboundHandler handler)
        {
        }

        public bool Send(SipMessage message, SipEndPoint destination)
        {
            var length = SipSerializer.Measure(message);
            if (length > _buffer.Length)
            {
                _buffer = new byte[length];
            }

            _length = SipSerializer.Write(message, _buffer);
            LastStatus = message is SipResponse r ? r.StatusCode : 0;
            return true;
        }

        public IPEndPoint? GetLocalEndPoint(SipTransportProtocol protocol) => Local;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        /// <summary>The To tag of the last message sent (read outside the counted steps).</summary>
        public string LastToTag()
        {
            var text = Encoding.ASCII.GetString(_buffer, 0, _length);
            var to = text.IndexOf("\r\nTo:", StringComparison.Ordinal);
            var tag = text.IndexOf(";tag=", to, StringComparison.Ordinal) + 5;
            var end = text.IndexOf("\r\n", tag, StringComparison.Ordinal);
            return text[tag..end];
        }
    }
}
