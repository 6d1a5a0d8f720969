using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Cli;

/// <summary>`vika serve` refuses a bad setting at start with one line naming the key, the value and what is allowed.</summary>
[Collection(InteropCollection.Name)]
public sealed class ServeSettingsTests
{
    [Fact]
    public async Task A_port_that_is_not_a_number_stops_the_server_naming_the_key()
    {
        // No --sip-port here: the command line would override the variable.
        var result = await ServeAsync(new Dictionary<string, string> { ["VIKA_Sip__Port"] = "abc" }, withPort: false);

        AssertOneProblem(result, "vika serve: invalid setting Sip:Port = 'abc': expected a port number 1-65535");
    }

    [Fact]
    public async Task An_rtp_range_the_wrong_way_round_stops_the_server_naming_the_key()
    {
        var result = await ServeAsync(new Dictionary<string, string>(), extra: ["--rtp-ports", "30000-20000"]);

        AssertOneProblem(result, "vika serve: invalid setting Media:RtpPorts = '30000-20000': expected a range LO-HI");
    }

    [Fact]
    public async Task An_unknown_codec_stops_the_server_naming_the_key()
    {
        var result = await ServeAsync(new Dictionary<string, string> { ["VIKA_Media__Codecs__0"] = "G729" });

        AssertOneProblem(result, "vika serve: invalid setting Media:Codecs:0 = 'G729': expected PCMU or PCMA");
    }

    private static async Task<ProcessResult> ServeAsync(IReadOnlyDictionary<string, string> environment, bool withPort = true, string[]? extra = null)
    {
        using var temp = new TempFolder();
        string[] port = withPort ? ["--sip-port", FreePorts.SipPort().ToString(System.Globalization.CultureInfo.InvariantCulture)] : [];
        return await VikaCli.RunWithEnvironmentAsync(environment, ["serve", "--bind", "127.0.0.1", .. port, "--data", temp.File("data"), .. extra ?? []]);
    }

    private static void AssertOneProblem(ProcessResult result, string expected)
    {
        Assert.True(result.ExitCode != 0, result.Describe());
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.StdErr + result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("listening", result.StdOut, StringComparison.Ordinal);
    }
}
