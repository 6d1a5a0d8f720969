namespace VikaIvr.Sip.Message;

/// <summary>
/// Why a message was refused: a human <see cref="Reason"/>, the status a UAS should answer
/// with (400, 505, 513), and when the headers could be read, the partially parsed message
/// so the core can build that response (responses are simply dropped).
/// </summary>
public sealed class SipParseError
{
    public SipParseError(string reason, int statusCode = 400, SipMessage? partialMessage = null)
    {
        Reason = reason;
        StatusCode = statusCode;
        PartialMessage = partialMessage;
    }

    public string Reason { get; }

    public int StatusCode { get; }

    /// <summary>The message as far as it could be read (headers; body may be empty), or null.</summary>
    public SipMessage? PartialMessage { get; }

    /// <summary>The partial message when it is a request (the only case worth answering).</summary>
    public SipRequest? PartialRequest => PartialMessage as SipRequest;

    public override string ToString() => StatusCode + " " + Reason;
}
