namespace VikaIvr.Sip.Message;

/// <summary>
/// What <see cref="SipStreamFramer"/> found: skip <see cref="Skip"/> bytes (CRLF keep-alives), then
/// a message of <see cref="Length"/> bytes when <see cref="Status"/> is Complete.
/// </summary>
public readonly record struct SipFrame(SipFrameStatus Status, int Skip, int Length, string? Error = null)
{
    /// <summary>Keep-alive pings seen: a CRLFCRLF ping expects a CRLF pong (RFC 5626 4.4.1).</summary>
    public bool SawKeepAlive => Skip >= 4;
}
