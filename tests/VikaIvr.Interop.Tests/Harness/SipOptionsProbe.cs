using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VikaIvr.Interop.Tests.Harness;

/// <summary>A minimal UDP OPTIONS client: the server's health probe, as a trunk or Kamailio would send it.</summary>
public static class SipOptionsProbe
{
    /// <summary>Sends one OPTIONS and returns the response's status code, or null when none came within <paramref name="wait"/>.</summary>
    public static async Task<int?> ProbeAsync(IPEndPoint server, TimeSpan wait, CancellationToken ct = default)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var local = (IPEndPoint)socket.LocalEndPoint!;
        var callId = Guid.NewGuid().ToString("N");
        var branch = "z9hG4bK" + Guid.NewGuid().ToString("N")[..16];
        var request =
            $"OPTIONS sip:{server.Address}:{server.Port} SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP {local.Address}:{local.Port};branch={branch};rport\r\n" +
            "Max-Forwards: 70\r\n" +
            $"From: <sip:probe@{local.Address}:{local.Port}>;tag={callId[..8]}\r\n" +
            $"To: <sip:{server.Address}:{server.Port}>\r\n" +
            $"Call-ID: {callId}@interop\r\n" +
            "CSeq: 1 OPTIONS\r\n" +
            "Accept: application/sdp\r\n" +
            "Content-Length: 0\r\n\r\n";
        await socket.SendToAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None, server, ct);
        var buffer = new byte[65535];
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(wait);
        try
        {
            while (true)
            {
                var received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cts.Token);
                var text = Encoding.ASCII.GetString(buffer, 0, received.ReceivedBytes);
                if (!text.Contains(callId, StringComparison.Ordinal))
                {
                    continue;
                }

                var status = ParseStatus(text);
                if (status is null or >= 200)
                {
                    return status;
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
        catch (SocketException)
        {
            // ICMP port unreachable surfaces here on Linux: nobody listens yet.
            return null;
        }
    }

    /// <summary>The status code of a SIP response's first line ("SIP/2.0 200 OK"), or null for anything else.</summary>
    public static int? ParseStatus(string message)
    {
        if (!message.StartsWith("SIP/2.0 ", StringComparison.Ordinal) || message.Length < 11)
        {
            return null;
        }

        return int.TryParse(message.AsSpan(8, 3), out var code) ? code : null;
    }
}
