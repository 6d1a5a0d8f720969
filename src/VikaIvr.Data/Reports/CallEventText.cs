using VikaIvr.Flows.Ports;

namespace VikaIvr.Data.Reports;

/// <summary>
/// Reads the flow interpreter's event lines (FlowStepRunner writes them): the one place that knows
/// their wording, so a change there breaks the report tests rather than the figures silently.
/// </summary>
internal static class CallEventText
{
    private const string TransferPrefix = "transfer ";
    private const string NoAgentUri = "transfer: no agent URI configured";
    private const string ActionPrefix = "action ";
    private const string NotVerifiedSuffix = "): " + FlowActionResult.NotVerified;
    private const string SystemBusyPrefix = "system-busy: ";

    /// <summary>"transfer sip:agent@x: accepted (202 Accepted)": true; "…: failed (…)" and no agent URI: false; other events: null.</summary>
    public static bool? TransferAccepted(string e)
    {
        if (e == NoAgentUri) return false;
        if (!e.StartsWith(TransferPrefix, StringComparison.Ordinal)) return null;
        // A URI has no spaces: the first ": " after the prefix ends the target.
        int colon = e.IndexOf(": ", TransferPrefix.Length, StringComparison.Ordinal);
        if (colon < 0) return null;
        var rest = e.AsSpan(colon + 2);
        if (rest.StartsWith("accepted", StringComparison.Ordinal)) return true;
        if (rest.StartsWith("failed", StringComparison.Ordinal)) return false;
        return null;
    }

    /// <summary>"action verify (verify-participant): not-verified".</summary>
    public static bool IsVerificationFailure(string e) =>
        e.StartsWith(ActionPrefix, StringComparison.Ordinal) && e.EndsWith(NotVerifiedSuffix, StringComparison.Ordinal);

    /// <summary>"system-busy: action 'load-status' failed: …".</summary>
    public static bool IsSystemBusy(string e) => e.StartsWith(SystemBusyPrefix, StringComparison.Ordinal);
}
