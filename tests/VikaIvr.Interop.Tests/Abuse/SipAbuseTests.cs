using VikaIvr.Interop.Tests.Harness;
using Xunit.Abstractions;

namespace VikaIvr.Interop.Tests.Abuse;

/// <summary>
/// Issue 13's abuse probe (must show 2) against one real `vika serve`: a request flood gets its source
/// banned while another source's calls are answered, thousands of held TCP connections from one
/// source do not stop TCP calls from another, and a Via maddr gets its responses at the source only.
/// Each attacker has its own loopback address, so one server serves all three.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed partial class SipAbuseTests(AbuseServerFixture fixture, ITestOutputHelper output) : IClassFixture<AbuseServerFixture>
{
    private ServerProcess Server => fixture.Server;

    private int CountLines(string text) => Server.Output.Split('\n').Count(l => l.Contains(text, StringComparison.Ordinal));
}
