using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transactions;

namespace VikaIvr.Sip.Core;

/// <summary>Our blind transfer (RFC 3515): REFER, then the final sipfrag status the peer NOTIFYs, its refusal, a timeout or the call's end.</summary>
public sealed partial class SipInviteSession
{
    private TaskCompletionSource<SipTransferResult>? _refer;
    private SipTimer? _referTimer;

    /// <summary>
    /// Blind transfer with REFER: completes with the final sipfrag status reported by NOTIFY (2xx
    /// success, 300+ failure), the REFER's own rejection, 408 when no final NOTIFY came in time, or
    /// 487 when the call ended first.
    /// </summary>
    public async Task<SipTransferResult> TransferAsync(string target, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        TaskCompletionSource<SipTransferResult> refer;
        SipClientTransaction tx;
        lock (_sync)
        {
            if (State is not (SipCallState.Confirmed or SipCallState.Answered))
            {
                return new SipTransferResult(false, 481, "The call is not established");
            }

            if (_refer is not null)
            {
                return new SipTransferResult(false, 491, "A transfer is already in progress");
            }

            var request = Dialog.CreateRequest(SipMethods.Refer);
            request.Headers.Add(SipHeaderId.ReferTo, "<" + ReferTarget(target) + ">");
            request.Headers.Add(SipHeaderId.ReferredBy, "<" + Dialog.LocalParty.Uri + ">");
            refer = _refer = new TaskCompletionSource<SipTransferResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            _referTimer ??= new SipTimer(_agent.Time, _sync, () => CompleteRefer(new SipTransferResult(false, 408, "No final NOTIFY before the transfer timeout")));
            _referTimer.Start(_agent.Options.TransferTimeout);
            tx = _agent.Transactions.SendRequest(request, Dialog.Flow, _sync);
        }

        var response = await tx.Completion.WaitAsync(ct).ConfigureAwait(false);
        if (response.StatusCode >= 300)
        {
            lock (_sync)
            {
                if (ReferenceEquals(_refer, refer))
                {
                    CompleteRefer(new SipTransferResult(false, response.StatusCode, "REFER refused: " + response.StatusCode + " " + response.ReasonPhrase));
                }
            }
        }

        return await refer.Task.WaitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The status code of a message/sipfrag status line ("SIP/2.0 200 OK"), or 0.</summary>
    internal static int SipFragStatus(ReadOnlySpan<byte> body)
    {
        var text = body.TrimStart("\r\n \t"u8);
        if (!text.StartsWith("SIP/2.0 "u8) || text.Length < 11)
        {
            return 0;
        }

        var value = 0;
        foreach (var b in text.Slice(8, 3))
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return 0;
            }

            value = value * 10 + (b - '0');
        }

        return value is >= 100 and < 700 ? value : 0;
    }

    /// <summary>Under the lock: a NOTIFY of our REFER's subscription.</summary>
    private void OnNotify(SipRequest notify)
    {
        if (_refer is null || notify.Event?.Value is not { } ev || !ev.Equals("refer", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var status = SipFragStatus(notify.Body.Span);
        if (status >= 200)
        {
            CompleteRefer(new SipTransferResult(status < 300, status, "NOTIFY sipfrag " + status));
        }
        else if (notify.SubscriptionState?.Value is { } state && state.Equals("terminated", StringComparison.OrdinalIgnoreCase))
        {
            CompleteRefer(new SipTransferResult(false, 0, "Subscription terminated without a final status"));
        }
    }

    /// <summary>Under the lock.</summary>
    private void CompleteRefer(SipTransferResult result)
    {
        if (_refer is not { } refer)
        {
            return;
        }

        _refer = null;
        _referTimer?.Stop();
        refer.TrySetResult(result);
    }

    /// <summary>A full URI stays as given; a bare number goes to the peer's domain.</summary>
    private string ReferTarget(string target)
    {
        if (target.Contains(':', StringComparison.Ordinal))
        {
            return target;
        }

        var host = Dialog.RemoteParty.Uri.HostPort;
        return "sip:" + target + "@" + (host.Length > 0 ? host : Remote.Address.ToString());
    }
}
