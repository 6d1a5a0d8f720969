namespace VikaIvr.Sip.Message;

/// <summary>Where the parts of a message lie in its bytes, found by the structural pass.</summary>
internal struct SipMessageLayout
{
    public bool IsRequest;
    public string? Method;
    public int UriStart, UriLength;
    public int StatusCode;
    public int ReasonStart, ReasonLength;
    public HeaderEntry[] Entries;
    public int HeaderCount;
    public int BodyStart, BodyLength;

    /// <summary>Bytes of the message proper; trailing datagram octets beyond it are ignored.</summary>
    public int TotalLength;

    public readonly SipMessage Build(ReadOnlyMemory<byte> source, bool withBody)
    {
        var headers = new SipHeaderCollection(source, Entries, HeaderCount);
        var body = withBody ? source.Slice(BodyStart, BodyLength) : ReadOnlyMemory<byte>.Empty;
        return IsRequest
            ? new SipRequest(Method!, source.Slice(UriStart, UriLength), headers, body)
            : new SipResponse(StatusCode, source.Slice(ReasonStart, ReasonLength), headers, body);
    }
}
