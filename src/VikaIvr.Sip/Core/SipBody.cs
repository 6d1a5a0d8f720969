namespace VikaIvr.Sip.Core;

/// <summary>A message body with its content type (SDP, DTMF relay, sipfrag...).</summary>
public sealed record SipBody(string ContentType, ReadOnlyMemory<byte> Content)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Content.Span);

    public static SipBody FromText(string contentType, string text) => new(contentType, System.Text.Encoding.UTF8.GetBytes(text));
}
