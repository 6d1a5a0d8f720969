using System.Net;
using System.Text;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Tests.Core;

/// <summary>A transport without sockets: tests inject raw messages and read what was sent.</summary>
public sealed class InMemorySipTransport : ISipTransport
{
    public static readonly IPEndPoint Local = new(IPAddress.Parse("10.0.0.1"), 5060);
    public static readonly SipEndPoint Caller = new(SipTransportProtocol.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5062));

    private ISipInboundHandler? _handler;

    public List<(SipMessage Message, SipEndPoint Destination)> Sent { get; } = [];

    public void Start(ISipInboundHandler handler) => _handler = handler;

    public bool Send(SipMessage message, SipEndPoint destination)
    {
        lock (Sent)
        {
            // Round-trip through bytes so tests see exactly what would go on the wire.
            Sent.Add((SipParser.Parse(SipSerializer.ToArray(message)), destination));
        }

        return true;
    }

    public IPEndPoint? GetLocalEndPoint(SipTransportProtocol protocol) => Local;

    public void Inject(string raw, SipEndPoint? source = null) => InjectBytes(Encoding.UTF8.GetBytes(raw.ReplaceLineEndings("\r\n")), source);

    /// <summary>Injects bytes exactly as given (a bare CR stays bare).</summary>
    public void InjectBytes(byte[] bytes, SipEndPoint? source = null)
    {
        if (SipParser.TryParse(bytes, SipParserOptions.Default, out var message, out var error))
        {
            _handler!.OnMessage(message, source ?? Caller, Local);
        }
        else
        {
            _handler!.OnMalformed(error!, source ?? Caller, Local);
        }
    }

    public List<SipResponse> Responses(int? status = null)
    {
        lock (Sent)
        {
            return [.. Sent.Select(s => s.Message).OfType<SipResponse>().Where(r => status is null || r.StatusCode == status)];
        }
    }

    public List<SipRequest> Requests(string method)
    {
        lock (Sent)
        {
            return [.. Sent.Select(s => s.Message).OfType<SipRequest>().Where(r => r.Method == method)];
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
