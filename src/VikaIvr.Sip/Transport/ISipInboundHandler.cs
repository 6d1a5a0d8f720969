using System.Net;
using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Transport;

/// <summary>Receives what the transports read; called from one dispatcher, so calls never overlap.</summary>
public interface ISipInboundHandler
{
    /// <summary>A well-formed message. <paramref name="local"/> is the address it arrived on.</summary>
    void OnMessage(SipMessage message, SipEndPoint source, IPEndPoint local);

    /// <summary>A message the parser refused; <see cref="SipParseError.PartialRequest"/> may allow an answer.</summary>
    void OnMalformed(SipParseError error, SipEndPoint source, IPEndPoint local);
}
