namespace VikaIvr.Flows.Ports;

/// <summary>The outcome of a blind transfer (SIP REFER on a real call).</summary>
public sealed record TransferResult(bool Succeeded, string Detail)
{
    public static TransferResult Accepted(string detail = "accepted") => new(true, detail);
    public static TransferResult Failed(string detail) => new(false, detail);
}
