using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace VikaIvr.Sip.Tests.Allocation;

/// <summary>
/// What a call costs the SIP stack in allocations, step by step (issue 14 asks 8 KB for a whole
/// call's set-up; the stack's share was about 14 KB before the cuts): INVITE in, the answer out,
/// ACK in; BYE apart. Counted on one thread with a fake clock, so the figure is the same on every run.
/// </summary>
public sealed class SipCallAllocationTests(ITestOutputHelper output)
{
    // Today's set-up is 6,776 B (INVITE 4,232, answer 1,264, ACK 1,280; it was 8,288 B before the INFO
    // channel was made on first use, the Session-Expires, Contact and local host values were kept while
    // they repeat, a plain Content-Type was read from its bytes and an ACK's Via was read for its key
    // without building it); the budget leaves room for a small change, not for a regression.
    private const long SetUpBudget = 7 * 1024;

    [Fact]
    public void A_call_set_up_allocates_within_its_budget()
    {
        var probe = new SipCallAllocationProbe(new FakeTimeProvider());
        for (var i = 0; i < 20; i++)
        {
            probe.RunCall();
        }

        // The least of several calls: a table growing now and then is not the call's own cost.
        var least = long.MaxValue;
        for (var i = 0; i < 8; i++)
        {
            var steps = probe.RunCall();
            output.WriteLine(steps.ToString());
            least = Math.Min(least, steps.SetUp);
        }

        Assert.True(least <= SetUpBudget, FormattableString.Invariant($"a call's set-up allocated {least} B in the SIP stack; budget {SetUpBudget} B"));
    }

    [Fact]
    public void Report_on_the_system_clock()
    {
        var probe = new SipCallAllocationProbe(TimeProvider.System);
        for (var i = 0; i < 20; i++)
        {
            probe.RunCall();
        }

        for (var i = 0; i < 5; i++)
        {
            output.WriteLine("system clock: " + probe.RunCall());
        }
    }
}
