namespace VikaIvr.Sip.Message;

public enum SipFrameStatus
{
    /// <summary>A whole message is buffered.</summary>
    Complete,

    /// <summary>Read more bytes and try again (after discarding <see cref="SipFrame.Skip"/> bytes).</summary>
    NeedMore,

    /// <summary>The stream is broken beyond repair; close the connection.</summary>
    Error,
}
