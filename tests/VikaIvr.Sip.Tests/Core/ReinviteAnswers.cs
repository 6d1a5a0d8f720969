using VikaIvr.Sip.Core;

namespace VikaIvr.Sip.Tests.Core;

/// <summary>A re-INVITE handler from a function, for tests.</summary>
internal sealed class ReinviteAnswers(Func<SipBody?, CancellationToken, Task<SipAnswer>> answer) : ISipReinviteHandler
{
    public Task<SipAnswer> OnReinviteAsync(SipBody? offer, CancellationToken ct) => answer(offer, ct);
}
