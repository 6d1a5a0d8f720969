using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VikaIvr.Server.Tests.CallSetup;

/// <summary>
/// A caller on blocking loopback sockets that allocates nothing while it sets a call up (its
/// messages are built beforehand, the ACK is put together in a reused buffer), so the allocations
/// counted around <see cref="SetUp"/> are the server's: INVITE → 100/200 → ACK → the first RTP
/// packet of the flow's first prompt. Each call has its own RTP socket (the port its SDP offers).
/// </summary>
public sealed class RawSipCaller : IDisposable
{
    private static readonly byte[] ToTag = "\r\nTo: <sip:165@127.0.0.1>;tag="u8.ToArray();
    private readonly Socket _sip;
    private readonly Socket[] _rtp;
    private readonly int _sipPort;
    private readonly byte[][] _invites;
    private readonly byte[][] _ackHeads;
    private readonly byte[][] _ackTails;
    private readonly byte[][] _callIds;
    private readonly byte[][] _toTags;
    private readonly int[] _toTagLengths;
    private readonly string[] _callIdTexts;
    private readonly byte[] _receive = new byte[4096];
    private readonly byte[] _ack = new byte[2048];

    public RawSipCaller(IPEndPoint server, int sipPort, int firstRtpPort, int calls, string run)
    {
        _sipPort = sipPort;
        _sip = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 5000 };
        _sip.Bind(new IPEndPoint(IPAddress.Loopback, sipPort));
        _sip.Connect(server);
        _rtp = new Socket[calls];
        _invites = new byte[calls][];
        _ackHeads = new byte[calls][];
        _ackTails = new byte[calls][];
        _callIds = new byte[calls][];
        _toTags = new byte[calls][];
        _toTagLengths = new int[calls];
        _callIdTexts = new string[calls];
        int rtpPort = firstRtpPort - 2;
        for (int i = 0; i < calls; i++)
        {
            _rtp[i] = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 5000 };
            rtpPort = BindFree(_rtp[i], rtpPort + 2);
            string callId = FormattableString.Invariant($"alloc-{run}-{i}@127.0.0.1");
            _callIdTexts[i] = callId;
            _toTags[i] = new byte[128];
            _callIds[i] = Encoding.ASCII.GetBytes("\r\nCall-ID: " + callId + "\r\n");
            _invites[i] = Encoding.ASCII.GetBytes(Invite(callId, rtpPort));
            _ackHeads[i] = Encoding.ASCII.GetBytes(InDialogHead("ACK", callId, 1, "z9hG4bKack" + run + i));
            _ackTails[i] = Encoding.ASCII.GetBytes("\r\nContent-Length: 0\r\n\r\n");
        }
    }

    public int Calls => _rtp.Length;

    /// <summary>INVITE, 200 (its To tag kept), ACK, then waits for the server's first RTP packet.</summary>
    public void SetUp(int call)
    {
        _sip.Send(_invites[call]);
        var ok = ReceiveResponse(call, 200);
        int tag = ok.IndexOf(ToTag) + ToTag.Length;
        int tagLength = ok[tag..].IndexOfAny((byte)'\r', (byte)';');
        var tagBytes = ok.Slice(tag, tagLength);
        int length = 0;
        _ackHeads[call].CopyTo(_ack, length);
        length += _ackHeads[call].Length;
        tagBytes.CopyTo(_ack.AsSpan(length));
        length += tagBytes.Length;
        _ackTails[call].CopyTo(_ack, length);
        length += _ackTails[call].Length;
        tagBytes.CopyTo(_toTags[call]);
        _toTagLengths[call] = tagBytes.Length;
        _sip.Send(_ack.AsSpan(0, length));
        _rtp[call].Receive(_receive);
    }

    /// <summary>
    /// BYE on every call set up, each answered (200, or 481 when the flow had already hung up);
    /// the server's own BYEs are answered 200 (outside the counted part).
    /// </summary>
    public void HangUpAll()
    {
        int waiting = 0;
        for (int call = 0; call < _rtp.Length; call++)
        {
            if (_toTagLengths[call] == 0)
            {
                continue;
            }

            string tag = Encoding.ASCII.GetString(_toTags[call], 0, _toTagLengths[call]);
            _sip.Send(Encoding.ASCII.GetBytes(InDialogHead("BYE", _callIdTexts[call], 2, "z9hG4bKbye" + _callIdTexts[call].GetHashCode(StringComparison.Ordinal).ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + call) + tag + "\r\nContent-Length: 0\r\n\r\n"));
            _toTagLengths[call] = 0;
            waiting++;
        }

        while (waiting > 0)
        {
            string message = Encoding.ASCII.GetString(_receive, 0, _sip.Receive(_receive));
            if (!message.StartsWith("SIP/2.0 ", StringComparison.Ordinal))
            {
                _sip.Send(Encoding.ASCII.GetBytes(OkFor(message)));
            }
            else if (message.Contains("CSeq: 2 BYE", StringComparison.OrdinalIgnoreCase) && message[8] != '1')
            {
                waiting--;
            }
        }
    }

    /// <summary>200 OK to a request: its Via, From, To, Call-ID and CSeq copied.</summary>
    private static string OkFor(string request)
    {
        var response = new StringBuilder("SIP/2.0 200 OK\r\n");
        foreach (var line in request.Split("\r\n"))
        {
            if (line.StartsWith("Via:", StringComparison.OrdinalIgnoreCase) || line.StartsWith("From:", StringComparison.OrdinalIgnoreCase)
                || line.StartsWith("To:", StringComparison.OrdinalIgnoreCase) || line.StartsWith("Call-ID:", StringComparison.OrdinalIgnoreCase)
                || line.StartsWith("CSeq:", StringComparison.OrdinalIgnoreCase))
            {
                response.Append(line).Append("\r\n");
            }
        }

        return response.Append("Content-Length: 0\r\n\r\n").ToString();
    }

    public void Dispose()
    {
        _sip.Dispose();
        foreach (var s in _rtp)
        {
            s.Dispose();
        }
    }

    /// <summary>Binds the first free even port from <paramref name="port"/> on (other programs share the range).</summary>
    private static int BindFree(Socket socket, int port)
    {
        for (; port < IPEndPoint.MaxPort; port += 2)
        {
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
            }
        }

        throw new InvalidOperationException("no free RTP port for the caller");
    }

    private Span<byte> ReceiveResponse(int call, int status)
    {
        Span<byte> code = stackalloc byte[3];
        code[0] = (byte)('0' + status / 100);
        code[1] = (byte)('0' + status / 10 % 10);
        code[2] = (byte)('0' + status % 10);
        while (true)
        {
            int n = _sip.Receive(_receive);
            var message = _receive.AsSpan(0, n);
            // "SIP/2.0 200 ..." of this call (a 100 Trying, or an answer to another call, is skipped).
            if (n > 12 && message.StartsWith("SIP/2.0 "u8) && message.Slice(8, 3).SequenceEqual(code) && message.IndexOf(_callIds[call]) >= 0)
            {
                return message;
            }
        }
    }

    private string Invite(string callId, int rtpPort)
    {
        string sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + FormattableString.Invariant($"m=audio {rtpPort} RTP/AVP 0 8 101\r\n")
            + "a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n";
        return "INVITE sip:165@127.0.0.1 SIP/2.0\r\n"
            + FormattableString.Invariant($"Via: SIP/2.0/UDP 127.0.0.1:{_sipPort};branch=z9hG4bK{callId.GetHashCode(StringComparison.Ordinal):x8}{rtpPort};rport\r\n")
            + "Max-Forwards: 70\r\n"
            + "From: \"Caller\" <sip:0812345678@127.0.0.1>;tag=caller1\r\n"
            + "To: <sip:165@127.0.0.1>\r\n"
            + "Call-ID: " + callId + "\r\n"
            + "CSeq: 1 INVITE\r\n"
            + FormattableString.Invariant($"Contact: <sip:0812345678@127.0.0.1:{_sipPort}>\r\n")
            + "User-Agent: alloc-probe\r\n"
            + "Content-Type: application/sdp\r\n"
            + FormattableString.Invariant($"Content-Length: {sdp.Length}\r\n\r\n") + sdp;
    }

    private string InDialogHead(string method, string callId, int cseq, string branch) =>
        FormattableString.Invariant($"{method} sip:165@127.0.0.1 SIP/2.0\r\n")
        + FormattableString.Invariant($"Via: SIP/2.0/UDP 127.0.0.1:{_sipPort};branch={branch};rport\r\n")
        + "Max-Forwards: 70\r\n"
        + "From: \"Caller\" <sip:0812345678@127.0.0.1>;tag=caller1\r\n"
        + "Call-ID: " + callId + "\r\n"
        + FormattableString.Invariant($"CSeq: {cseq} {method}\r\n")
        + "To: <sip:165@127.0.0.1>;tag=";
}
