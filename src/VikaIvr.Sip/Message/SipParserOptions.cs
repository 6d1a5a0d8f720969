namespace VikaIvr.Sip.Message;

/// <summary>Limits and strictness of <see cref="SipParser"/>.</summary>
public sealed class SipParserOptions
{
    /// <summary>Messages longer than this are refused (513).</summary>
    public int MaxMessageSize { get; init; } = 64 * 1024;

    /// <summary>Messages with more header lines than this are refused (400).</summary>
    public int MaxHeaders { get; init; } = 128;

    /// <summary>
    /// Check the syntax of the headers every element relies on (Via, From, To, Call-ID, CSeq,
    /// Contact, Max-Forwards, Request-URI) at parse time, without allocating.
    /// </summary>
    public bool ValidateHeaders { get; init; } = true;

    public static SipParserOptions Default { get; } = new();
}
