using VikaIvr.Interop.Tests.Cli;
using VikaIvr.Interop.Tests.Harness;
using Xunit.Abstractions;

namespace VikaIvr.Interop.Tests.Abuse;

/// <summary>
/// Issue 13's abuse probe (must show 2), the scanner: Debian's sipvicious against a real `vika serve`
/// learns neither the product nor a number that is not public. "Not public": the design publishes
/// Sip:ServiceNumbers (165 and its long forms), which an open IVR answers to anyone; everything else,
/// the operator line from outside Operator:AllowFrom included, must look like one unknown number.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class SipScannerTests(ScannerServerFixture fixture, ITestOutputHelper output) : IClassFixture<ScannerServerFixture>
{
    /// <summary>The scanner's source (svwar 0.3.3 ignores -b: it sends from the address the route gives, 127.0.0.1 on loopback); outside Operator:AllowFrom.</summary>
    private const string ScannerSource = "127.0.0.1";

    /// <summary>Around the public 165 and the operator line 16599.</summary>
    private const string Extensions = "160-170,16595-16600";

    /// <summary>The numbers the design publishes: Sip:ServiceNumbers (165 and its long forms); the operator line is not one.</summary>
    private static readonly string[] PublicNumbers = ["165", "021165", "+6221165", "6221165"];

    /// <summary>Every number <see cref="Extensions"/> names (svwar also "finds" garbage: tags it decodes from the server's own requests).</summary>
    private static readonly string[] Scanned = [.. Enumerable.Range(160, 11).Concat(Enumerable.Range(16595, 6)).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    private ServerProcess Server => fixture.Server;

    [Fact]
    public async Task Sipvicious_with_its_own_user_agent_gets_no_answer_at_all()
    {
        var map = await SipVicious.MapAsync(Server.SipEndPoint, ScannerSource);
        var options = await SipVicious.WarAsync(Server.SipEndPoint, ScannerSource, "OPTIONS", Extensions);
        var invite = await SipVicious.WarAsync(Server.SipEndPoint, ScannerSource, "INVITE", Extensions);

        foreach (var (name, run) in new[] { ("svmap", map), ("svwar -m OPTIONS", options), ("svwar -m INVITE", invite) })
        {
            output.WriteLine($"--- {name} ---\n{run.StdOut}{run.StdErr}");
            Assert.True(SipVicious.Received(run).Count == 0, $"{name} received an answer:\n{run.Describe()}");
            Assert.Empty(SipVicious.FoundExtensions(run));
        }

        Assert.Contains("found nothing", map.StdOut + map.StdErr, StringComparison.Ordinal);
        await ServeDrainTests.WaitUntilAsync(Server, () => CountLines($"SECURITY event=scanner-dropped src={ScannerSource} ") >= 3, TimeSpan.FromSeconds(10),
            "scanner-dropped events of the three scans");
        Assert.Equal(0, CountLines($"SECURITY event=source-banned src={ScannerSource} "));
    }

    [Fact]
    public async Task A_disguised_sipvicious_learns_no_product_and_no_number_that_is_not_public()
    {
        const string disguise = "Zoiper rv2.10.19.6";
        var map = await SipVicious.MapAsync(Server.SipEndPoint, ScannerSource, disguise);
        var options = await SipVicious.WarAsync(Server.SipEndPoint, ScannerSource, "OPTIONS", Extensions, disguise);
        var invite = await SipVicious.WarAsync(Server.SipEndPoint, ScannerSource, "INVITE", Extensions, disguise);
        foreach (var (name, run) in new[] { ("svmap", map), ("svwar -m OPTIONS", options), ("svwar -m INVITE", invite) })
        {
            output.WriteLine($"--- {name} (User-Agent: {disguise}) ---\n{run.StdOut}{run.StdErr}");
            Assert.True(SipVicious.Received(run).Count > 0, $"{name} was not answered (the deny-list should not know this User-Agent):\n{run.Describe()}");
            Assert.DoesNotContain("vika", run.StdOut + run.StdErr, StringComparison.OrdinalIgnoreCase);
            Assert.All(SipVicious.Received(run), m =>
            {
                Assert.DoesNotContain(@"\r\nServer:", m, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(@"\r\nUser-Agent:", m, StringComparison.OrdinalIgnoreCase);
            });
        }

        // svmap names the product from Server / User-Agent: there is none.
        Assert.Matches(@"\|\s*127\.0\.0\.1:" + Server.SipPort + @"\s*\|\s*unknown\s*\|", map.StdOut + map.StdErr);
        // OPTIONS: every number gets the same 200, so svwar finds none.
        Assert.Empty(SipVicious.FoundExtensions(options));
        // INVITE: only the public number answers; the operator line, outside its AllowFrom, is a 404 like any unknown number.
        var found = SipVicious.FoundExtensions(invite).Where(Scanned.Contains).ToList();
        Assert.True(found.All(PublicNumbers.Contains) && found.Contains("165"), "svwar -m INVITE found " + string.Join(",", found) + "\n" + invite.Describe());
        Assert.DoesNotContain(ScannerServerFixture.OperatorNumber, found);

        // The line is open, only not to the scanner: its allowed source is answered.
        var allowed = await SipInviteProbe.FinalAnswerAsync(Server.SipEndPoint, TimeSpan.FromSeconds(5), ScannerServerFixture.OperatorSource, ScannerServerFixture.OperatorNumber);
        Assert.True(allowed is not null && SipOptionsProbe.ParseStatus(allowed) == 200, $"{ScannerServerFixture.OperatorNumber} from {ScannerServerFixture.OperatorSource}: {allowed}\n{Server.Output}");
        Assert.Equal(0, CountLines($"SECURITY event=source-banned src={ScannerSource} "));
    }

    private int CountLines(string text) => Server.Output.Split('\n').Count(l => l.Contains(text, StringComparison.Ordinal));
}
