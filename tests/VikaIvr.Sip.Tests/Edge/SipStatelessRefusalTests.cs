using VikaIvr.Sip.Core;
using VikaIvr.Sip.Tests.Core;

namespace VikaIvr.Sip.Tests.Edge;

/// <summary>
/// Refusals keep no transaction: a scan costs no timer, and a forged source draws one answer, not a
/// final response retransmitted until timer H.
/// </summary>
public sealed class SipStatelessRefusalTests
{
    [Fact]
    public void A_404_is_sent_once_and_never_retransmitted_without_an_ack()
    {
        var f = new SipUaFixture();
        f.Transport.Inject(SipTestMessages.Invite(user: "999"));
        Assert.Single(f.Transport.Responses(404));

        f.Time.Advance(TimeSpan.FromSeconds(40));

        Assert.Single(f.Transport.Responses());
        Assert.Equal(0, f.Agent.ActiveCalls);
    }

    [Fact]
    public void A_retransmitted_refused_invite_is_refused_again()
    {
        var f = new SipUaFixture(new SipUserAgentOptions { AllowedSources = ["10.9.9.0/24"] });
        f.Transport.Inject(SipTestMessages.Invite());
        f.Transport.Inject(SipTestMessages.Invite());

        Assert.Equal(2, f.Transport.Responses(403).Count);
        Assert.Equal(2, f.Transport.Responses().Count);
    }
}
