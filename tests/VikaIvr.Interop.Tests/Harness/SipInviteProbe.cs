using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VikaIvr.Interop.Tests.Harness;

/// <summary>
/// One INVITE over UDP from a loopback address, for the answers a caller gets before any call is
/// set up (503 and its Retry-After): the final status and Retry-After, or null status when none came.
/// A 2xx is not acknowledged and a 4xx-6xx gets its ACK.
/// </summary>
public static class SipInviteProbe
{
    public static async Task<(int? Status, string? RetryAfter)> ProbeAsync(IPEndPoint server, TimeSpan wait, string from = "127.0.0.1")
    {
        var answer = await FinalAnswerAsync(server, wait, from, "165");
        return answer is null ? (null, null) : (SipOptionsProbe.ParseStatus(answer), Header(answer, "Retry-After")?.Split(':', 2)[1].Trim());
    }

    /// <summary>The whole final answer to one INVITE for <paramref name="user"/> from <paramref name="from"/>, or null when none came.</summary>
    public static async Task<string?> FinalAnswerAsync(IPEndPoint server, TimeSpan wait, string from, string user)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
        var local = (IPEndPoint)socket.LocalEndPoint!;
        var callId = Guid.NewGuid().ToString("N");
        var branch = "z9hG4bK" + Guid.NewGuid().ToString("N")[..16];
        const string sdp = "v=0\r\no=probe 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
        string Head(string method) =>
            $"{method} sip:{user}@{server.Address}:{server.Port} SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP {local.Address}:{local.Port};branch={branch};rport\r\n" +
            "Max-Forwards: 70\r\n" +
            $"From: <sip:probe@{local.Address}:{local.Port}>;tag={callId[..8]}\r\n";
        var invite = Head("INVITE") +
            $"To: <sip:{user}@{server.Address}:{server.Port}>\r\n" +
            $"Call-ID: {callId}@interop\r\n" +
            "CSeq: 1 INVITE\r\n" +
            $"Contact: <sip:probe@{local.Address}:{local.Port}>\r\n" +
            "Content-Type: application/sdp\r\n" +
            $"Content-Length: {sdp.Length}\r\n\r\n" + sdp;
        await socket.SendToAsync(Encoding.ASCII.GetBytes(invite), SocketFlags.None, server);
        var buffer = new byte[65535];
        using var cts = new CancellationTokenSource(wait);
        try
        {
            while (true)
            {
                var received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cts.Token);
                var text = Encoding.ASCII.GetString(buffer, 0, received.ReceivedBytes);
                if (!text.Contains(callId, StringComparison.Ordinal) || SipOptionsProbe.ParseStatus(text) is not { } status || status < 200)
                {
                    continue;
                }

                if (status >= 300)
                {
                    var ack = Head("ACK") + $"{Header(text, "To")}\r\nCall-ID: {callId}@interop\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n";
                    await socket.SendToAsync(Encoding.ASCII.GetBytes(ack), SocketFlags.None, server);
                }

                return text;
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>The whole header line named <paramref name="name"/> ("To: ..."), or null.</summary>
    private static string? Header(string message, string name) =>
        message.Split("\r\n").FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));
}
