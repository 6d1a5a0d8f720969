using VikaIvr.Flows.Scripting;
using VikaIvr.Media.Rtp;
using VikaIvr.Server.Cli;
using VikaIvr.Server.Commands;
using VikaIvr.Testing.Caller;

namespace VikaIvr.Server.Tests;

/// <summary>`vika load`'s options: parsed by the command line, checked into the engine's options.</summary>
public sealed class LoadCommandTests
{
    [Fact]
    public void The_documented_options_reach_the_engine()
    {
        var request = Parse("load sip:165@127.0.0.1:5060 --calls 200 --rate 20 --duration 30 --keys 1,w,1,3171011708850001# --dtmf info --codec pcma --report r.json --bind 127.0.0.2 --rtp-ports 46000-47999");

        var options = LoadCommand.Options(request);

        Assert.Equal("sip:165@127.0.0.1:5060", options.Target);
        Assert.Equal(200, options.Calls);
        Assert.Equal(20, options.Rate);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Duration);
        Assert.Equal(["keys 1", "wait 300 ms", "wait 1000 ms", "wait 300 ms", "keys 1", "wait 300 ms", "keys 3171011708850001#"], options.Keys.Select(k => k.ToString()));
        Assert.Equal(TestCallerDtmfMode.Info, options.DtmfMode);
        Assert.Equal(RtpAudioCodec.Pcma, options.Codec);
        Assert.Equal("127.0.0.2", options.Bind!.ToString());
        Assert.Equal("keys", options.Mode);
        Assert.Equal("r.json", request.Report);
        Assert.Equal((46000, 47999), (options.RtpPortMin, options.RtpPortMax));
    }

    [Fact]
    public void Defaults_are_ten_calls_at_ten_a_second_for_thirty_seconds_of_silence()
    {
        var options = LoadCommand.Options(Parse("load sip:165@127.0.0.1:5060"));

        Assert.Equal(10, options.Calls);
        Assert.Equal(10, options.Rate);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Duration);
        Assert.Empty(options.Keys);
        Assert.Null(options.Script);
        Assert.Equal(TestCallerDtmfMode.Rfc4733, options.DtmfMode);
        Assert.Equal(RtpAudioCodec.Pcmu, options.Codec);
        Assert.Equal("audio", options.Mode);
        Assert.Equal((30000, 39998), (options.RtpPortMin, options.RtpPortMax));
    }

    [Fact]
    public void A_shipped_script_is_parsed_for_each_call_to_follow()
    {
        var script = Path.Combine(RepoRoot(), "tests", "scripts", "status-budi.vks");

        var options = LoadCommand.Options(Parse($"load sip:165@127.0.0.1:5060 --script {script}"));

        Assert.Equal("script", options.Mode);
        Assert.Contains(options.Script!.Statements, s => s.Kind == ScriptStatementKind.ExpectPrompt && s.Value == "welcome");
    }

    [Theory]
    [InlineData("load sip:165@h --calls 0", "--calls needs at least 1")]
    [InlineData("load sip:165@h --rate 0", "--rate needs calls per second above 0")]
    [InlineData("load sip:165@h --duration -1", "--duration needs seconds above 0")]
    [InlineData("load sip:165@h --keys 1 --script a.vks", "give --script or --keys, not both")]
    [InlineData("load sip:165@h --keys 1x", "--keys: 'x' is not a DTMF key")]
    [InlineData("load sip:165@h --dtmf smoke", "--dtmf must be rfc4733, info or inband")]
    [InlineData("load sip:165@h --codec opus", "--codec must be pcmu or pcma")]
    [InlineData("load sip:165@h --bind here", "--bind needs an IP address")]
    [InlineData("load sip:165@h --rtp-ports 40000", "--rtp-ports must be a range LO-HI")]
    [InlineData("load sip:165@h --rtp-ports 40000-40001", "--rtp-ports must be a range LO-HI")]
    [InlineData("load sip:165@h --shared-rtp-port 45001", "--shared-rtp-port must be an even port 1024-65534 (RTCP takes the next), not 45001")]
    [InlineData("load sip:165@h --shared-rtp-port 65536", "--shared-rtp-port must be an even port 1024-65534 (RTCP takes the next), not 65536")]
    [InlineData("load sip:165@h --shared-rtp-port 1022", "--shared-rtp-port must be an even port 1024-65534 (RTCP takes the next), not 1022")]
    [InlineData("load sip:165@h --shared-rtp-port -2", "--shared-rtp-port must be an even port 1024-65534 (RTCP takes the next), not -2")]
    [InlineData("load http://h", "the target must be a sip: URI")]
    [InlineData("load sip:165@h --script missing.vks", "script not found")]
    public void A_bad_option_is_refused_naming_it(string line, string message)
    {
        var ex = Assert.Throws<CliException>(() => LoadCommand.Options(Parse(line)));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shared_rtp_port_reaches_the_engine_and_none_is_0()
    {
        Assert.Equal(44000, LoadCommand.Options(Parse("load sip:165@h --shared-rtp-port 44000")).SharedRtpPort);
        Assert.Equal(0, LoadCommand.Options(Parse("load sip:165@h")).SharedRtpPort);
    }

    [Fact]
    public async Task An_odd_shared_rtp_port_exits_2_with_a_clear_message()
    {
        var error = new StringWriter();

        int status = await VikaCommandLine.InvokeAsync(["load", "sip:165@127.0.0.1:9", "--shared-rtp-port", "45001"], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(2, status);
        Assert.Contains("vika load: --shared-rtp-port must be an even port 1024-65534 (RTCP takes the next), not 45001", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_option_exits_2_before_any_call()
    {
        var error = new StringWriter();

        int status = await VikaCommandLine.InvokeAsync(["load", "sip:165@127.0.0.1:9", "--calls", "0"], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(2, status);
        Assert.Contains("vika load: --calls needs at least 1", error.ToString(), StringComparison.Ordinal);
    }

    private static LoadRequest Parse(string line)
    {
        var command = new LoadCommand(TextWriter.Null, TextWriter.Null);
        var result = VikaCommandLine.Create([command]).Parse(line.Split(' '));
        Assert.Empty(result.Errors.Select(e => e.Message));
        return command.Read(result);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "VikaIvr.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
