using System.Text;
using BenchmarkDotNet.Attributes;
using VikaIvr.Sip.Message;

namespace VikaIvr.Benchmarks.Sip;

/// <summary>
/// Parsing and serializing a typical trunk INVITE with SDP (about 900 bytes), the per-call
/// message work. Target (issue 2): parse in at most 1.5 µs and 1 KiB allocated (ParseMemory: the
/// datagram buffer itself is the transport's, one exact-size array per datagram).
/// Run: dotnet run -c Release --project bench/VikaIvr.Benchmarks -- --filter '*SipInvite*' --job short
/// </summary>
[MemoryDiagnoser]
public class SipInviteBenchmark
{
    private const string Sdp =
        "v=0\r\n" +
        "o=- 3862157612 3862157612 IN IP4 203.0.113.10\r\n" +
        "s=SIP Call\r\n" +
        "c=IN IP4 203.0.113.10\r\n" +
        "t=0 0\r\n" +
        "m=audio 16384 RTP/AVP 8 0 101\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-16\r\n" +
        "a=ptime:20\r\n" +
        "a=sendrecv\r\n";

    private static readonly string Invite =
        "INVITE sip:165@198.51.100.20:5060;transport=udp SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 203.0.113.10:5060;branch=z9hG4bK-524287-1---7f3a9c2e1b5d4a60;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "Contact: <sip:6281234567890@203.0.113.10:5060;transport=udp>\r\n" +
        "To: <sip:165@198.51.100.20>\r\n" +
        "From: \"6281234567890\" <sip:6281234567890@203.0.113.10>;tag=4f9c2a17\r\n" +
        "Call-ID: 8d3f0c6a1e2b4f7a9c5d3e1f0a2b4c6d@203.0.113.10\r\n" +
        "CSeq: 1 INVITE\r\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, NOTIFY, REFER, OPTIONS, INFO, UPDATE\r\n" +
        "Supported: replaces, timer\r\n" +
        "Session-Expires: 1800;refresher=uac\r\n" +
        "Min-SE: 90\r\n" +
        "User-Agent: TrunkGateway/7.2.1\r\n" +
        "P-Asserted-Identity: <sip:6281234567890@203.0.113.10>\r\n" +
        "Content-Type: application/sdp\r\n" +
        $"Content-Length: {Encoding.ASCII.GetByteCount(Sdp)}\r\n" +
        "\r\n" +
        Sdp;

    private readonly SipParserOptions _options = SipParserOptions.Default;
    private byte[] _datagram = [];
    private ReadOnlyMemory<byte> _memory;
    private SipMessage _parsed = null!;
    private byte[] _output = [];

    [GlobalSetup]
    public void Setup()
    {
        _datagram = Encoding.ASCII.GetBytes(Invite);
        _memory = _datagram;
        if (!SipParser.TryParse(_datagram.AsSpan(), _options, out var message, out var error))
        {
            throw new InvalidOperationException("The benchmark INVITE does not parse: " + error?.Reason);
        }

        _parsed = message;
        _output = new byte[SipSerializer.Measure(message) + 64];
        Console.WriteLine($"// INVITE: {_datagram.Length} bytes");
    }

    /// <summary>
    /// The span overload: copies the message's bytes once (about 900 B, the floor for a message that
    /// outlives the receive buffer), so the caller may reuse its receive buffer.
    /// </summary>
    [Benchmark(Baseline = true)]
    public SipMessage? ParseSpan()
    {
        SipParser.TryParse(_datagram.AsSpan(), _options, out var message, out _);
        return message;
    }

    /// <summary>The memory overload: the message keeps the caller's bytes (no copy).</summary>
    [Benchmark]
    public SipMessage? ParseMemory()
    {
        SipParser.TryParse(_memory, _options, out var message, out _);
        return message;
    }

    /// <summary>Parse plus what a transaction layer reads at once, through the typed views (strings and objects).</summary>
    [Benchmark]
    public int ParseAndMatch()
    {
        SipParser.TryParse(_memory, _options, out var message, out _);
        return message!.CallId!.Length + (int)message.CSeq!.Number + (message.TopVia?.Branch?.Length ?? 0) + (message.From?.Tag?.Length ?? 0);
    }

    /// <summary>The same reads through the allocation-free byte accessors meant for matching.</summary>
    [Benchmark]
    public int ParseAndMatchBytes()
    {
        SipParser.TryParse(_memory, _options, out var message, out _);
        message!.TryGetCSeq(out var number, out var method);
        return message.CallIdBytes.Length + (int)number + method.Length + message.TopViaBranchBytes.Length + message.FromTagBytes.Length;
    }

    [Benchmark]
    public int SerializeToSpan() => SipSerializer.Write(_parsed, _output);

    [Benchmark]
    public byte[] SerializeToArray() => SipSerializer.ToArray(_parsed);
}
