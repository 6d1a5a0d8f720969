namespace VikaIvr.Sip.Core;

/// <summary>
/// The outcome of a REFER: <see cref="StatusCode"/> is the final sipfrag status (or the REFER's
/// own error status, or 408 when no final NOTIFY came in time).
/// </summary>
public sealed record SipTransferResult(bool Succeeded, int StatusCode, string Description);
