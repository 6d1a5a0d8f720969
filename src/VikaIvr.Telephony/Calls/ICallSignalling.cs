using VikaIvr.Flows.Ports;

namespace VikaIvr.Telephony.Calls;

/// <summary>The SIP side of a call as the call needs it: transfer and hang up.</summary>
public interface ICallSignalling
{
    Task<TransferResult> TransferAsync(string target, CancellationToken ct);

    Task HangupAsync(CancellationToken ct);
}
