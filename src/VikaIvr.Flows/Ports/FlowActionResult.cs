namespace VikaIvr.Flows.Ports;

/// <summary>An action's outcome; <paramref name="Detail"/> is for the call record and must hold no personal data.</summary>
public sealed record FlowActionResult(string Outcome, string? Detail = null)
{
    public const string Ok = "ok";
    public const string NotVerified = "not-verified";
    public const string Failed = "failed";

    public static FlowActionResult Success() => new(Ok);
}
