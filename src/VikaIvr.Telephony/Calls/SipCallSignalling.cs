using VikaIvr.Flows.Ports;
using VikaIvr.Sip.Core;

namespace VikaIvr.Telephony.Calls;

/// <summary>Transfer and hangup of a telephony call through its SIP dialog.</summary>
public sealed class SipCallSignalling(SipCall call) : ICallSignalling
{
    public async Task<TransferResult> TransferAsync(string target, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(target)) return TransferResult.Failed("no agent URI configured");
        try
        {
            var r = await call.TransferAsync(target, ct).ConfigureAwait(false);
            return r.Succeeded
                ? TransferResult.Accepted($"{r.StatusCode} {r.Description}")
                : TransferResult.Failed($"{r.StatusCode} {r.Description}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return TransferResult.Failed(ex.Message);
        }
    }

    public Task HangupAsync(CancellationToken ct) => call.HangupAsync(ct);
}
