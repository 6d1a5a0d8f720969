namespace VikaIvr.Server.Hosting.Settings;

/// <summary>The light check the settings make of a URI; the SIP stack parses it fully when it is used.</summary>
public static class SipUris
{
    public static bool IsSipUri(string text) =>
        (text.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) && text.Length > 4)
        || (text.StartsWith("sips:", StringComparison.OrdinalIgnoreCase) && text.Length > 5);

    public static bool IsCallTarget(string text) =>
        IsSipUri(text) || (text.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) && text.Length > 4);
}
