namespace VikaIvr.Sip.Core.Outgoing;

/// <summary>Something that happened on an outgoing call, in order, for progress output and scripts.</summary>
/// <param name="StatusCode">The response status for <see cref="SipOutgoingEventKind.Response"/>, the NOTIFY status, or 0.</param>
/// <param name="Text">A short description (reason phrase, Refer-To, INFO body).</param>
public sealed record SipOutgoingEvent(SipOutgoingEventKind Kind, int StatusCode, string Text, DateTimeOffset At)
{
    public override string ToString() => Kind switch
    {
        SipOutgoingEventKind.Response => $"{StatusCode} {Text}",
        SipOutgoingEventKind.NotifySent => $"NOTIFY sipfrag {StatusCode}",
        _ => Text.Length == 0 ? Kind.ToString() : Kind + " " + Text,
    };
}
