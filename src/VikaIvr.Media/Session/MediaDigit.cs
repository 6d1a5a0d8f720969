namespace VikaIvr.Media.Session;

/// <summary>A digit the media session heard.</summary>
/// <param name="Digit">'0'–'9', '*', '#', 'A'–'D'.</param>
/// <param name="Method">"rfc4733" (the session's own source; other detectors use their own names).</param>
/// <param name="Duration">How long the key was held, as the sender reported it.</param>
/// <param name="ReceivedAt">When the session completed the digit.</param>
public readonly record struct MediaDigit(char Digit, string Method, TimeSpan Duration, DateTimeOffset ReceivedAt)
{
    public const string Rfc4733 = "rfc4733";
}
