using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace VikaIvr.Sip.Tests.Allocation;

/// <summary>What a call costs the SIP stack in allocations, step by step (issue 14).</summary>
public sealed class SipCallAllocationTests(ITestOutputHelper output)
{
    [Fact]
    public void Report_system_time()
    {
        var probe = new SipCallAllocationProbe(TimeProvider.System);
        for (var i = 0; i < 20; i++)
        {
            probe.RunCall();
        }

        for (var i = 0; i < 5; i++)
        {
            output.WriteLine(probe.RunCall().ToString());
        }
    }

    [Fact]
    public void Report_fake_time()
    {
        var probe = new SipCallAllocationProbe(new FakeTimeProvider());
        for (var i = 0; i < 20; i++)
        {
            probe.RunCall();
        }

        for (var i = 0; i < 5; i++)
        {
            output.WriteLine(probe.RunCall().ToString());
        }
    }
}
