using System.Net;
using System.Net.Sockets;
using System.Text;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Abuse;

/// <summary>A Via maddr from a source that is no trusted proxy.</summary>
public sealed partial class SipAbuseTests
{
    private const string MaddrSource = "127.0.0.4";
    private const string Third = "127.0.0.3";

    [Fact]
    public async Task A_via_maddr_from_an_untrusted_source_gets_every_response_at_the_source_and_none_at_the_maddr()
    {
        using var source = new UdpClient(new IPEndPoint(IPAddress.Parse(MaddrSource), 0));
        var local = (IPEndPoint)source.Client.LocalEndPoint!;
        // Where maddr would send (RFC 3261 18.2.2: the maddr at the sent-by port): the same port on the third address.
        using var third = new UdpClient(new IPEndPoint(IPAddress.Parse(Third), local.Port));
        using var media = new UdpClient(new IPEndPoint(IPAddress.Parse(MaddrSource), 0));
        var call = new MaddrDialog(source, Server.SipEndPoint, Third, ((IPEndPoint)media.Client.LocalEndPoint!).Port);

        // An answered call: 100, the 200, and the 200's retransmission (no ACK yet) all at the source.
        await call.SendAsync(call.Invite("165", "inv1"));
        var ok = await call.ExpectAsync("INVITE", 200);
        Assert.Equal(ok, await call.ExpectAsync("INVITE", 200));
        await call.SendAsync(call.Ack(ok, "ack1"));
        await call.SendAsync(call.Request("OPTIONS", "165", "opt1", toTag: null, cseq: 1));
        await call.ExpectAsync("OPTIONS", 200);
        await call.SendAsync(call.Invite("777", "inv404"));
        var notFound = await call.ExpectAsync("INVITE", 404, "777");
        await call.SendAsync(call.Ack(notFound, "inv404", "777"));
        await call.SendAsync(call.Request("BYE", "165", "bye1", MaddrDialog.ToTag(ok), cseq: 2));
        await call.ExpectAsync("BYE", 200);

        // Every answer above was sent before the BYE's 200 reached the source: on loopback anything sent to the third address is already there.
        Assert.Equal(0, third.Available);
        output.WriteLine($"at the source {local}: {string.Join(", ", call.Seen)}; at {Third}:{local.Port}: nothing");
    }

    /// <summary>Raw SIP over UDP with a <c>maddr</c> in every Via; reads the source's answers.</summary>
    private sealed class MaddrDialog(UdpClient socket, IPEndPoint server, string maddr, int mediaPort)
    {
        private readonly IPEndPoint _local = (IPEndPoint)socket.Client.LocalEndPoint!;
        private readonly string _callId = Guid.NewGuid().ToString("N") + "@maddr";

        public List<string> Seen { get; } = [];

        public static string ToTag(string response) =>
            response.Split("\r\n").First(l => l.StartsWith("To:", StringComparison.OrdinalIgnoreCase)).Split(";tag=")[1].Trim();

        public string Invite(string user, string branch)
        {
            var sdp = $"v=0\r\no=maddr 1 1 IN IP4 {_local.Address}\r\ns=-\r\nc=IN IP4 {_local.Address}\r\nt=0 0\r\nm=audio {mediaPort} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
            return Request("INVITE", user, branch, null, 1, user == "165" ? _callId : _callId + user, sdp);
        }

        public string Ack(string response, string branch, string user = "165") =>
            Request("ACK", user, branch, ToTag(response), 1, user == "165" ? _callId : _callId + user);

        public string Request(string method, string user, string branch, string? toTag, int cseq, string? callId = null, string body = "") =>
            $"{method} sip:{user}@{server.Address}:{server.Port} SIP/2.0\r\n"
            + $"Via: SIP/2.0/UDP {_local.Address}:{_local.Port};maddr={maddr};branch=z9hG4bK{branch}\r\n"
            + "Max-Forwards: 70\r\n"
            + $"From: <sip:maddr@{_local.Address}>;tag=m{_callId[..8]}\r\n"
            + $"To: <sip:{user}@{server.Address}>" + (toTag is null ? string.Empty : ";tag=" + toTag) + "\r\n"
            + $"Call-ID: {callId ?? _callId}\r\n"
            + $"CSeq: {cseq} {method}\r\n"
            + $"Contact: <sip:maddr@{_local.Address}:{_local.Port}>\r\n"
            + (body.Length > 0 ? "Content-Type: application/sdp\r\n" : string.Empty)
            + $"Content-Length: {body.Length}\r\n\r\n" + body;

        public Task SendAsync(string message) => socket.SendAsync(Encoding.ASCII.GetBytes(message), server).AsTask();

        /// <summary>The next answer to <paramref name="method"/> with <paramref name="status"/> (others are noted and skipped), within 5 s.</summary>
        public async Task<string> ExpectAsync(string method, int status, string user = "165")
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var callId = user == "165" ? _callId : _callId + user;
            while (true)
            {
                UdpReceiveResult received;
                try
                {
                    received = await socket.ReceiveAsync(cts.Token);
                }
                catch (OperationCanceledException)
                {
                    throw new Xunit.Sdk.XunitException($"no {status} for {method} at the source within 5 s; seen: {string.Join(", ", Seen)}");
                }

                var text = Encoding.ASCII.GetString(received.Buffer);
                var first = text[..text.IndexOf('\r', StringComparison.Ordinal)];
                Seen.Add(first + " (" + method + ")");
                if (text.Contains("Call-ID: " + callId + "\r\n", StringComparison.Ordinal) && text.Contains(" " + method + "\r\n", StringComparison.Ordinal)
                    && first.StartsWith("SIP/2.0 " + status + " ", StringComparison.Ordinal))
                {
                    return text;
                }
            }
        }
    }
}
