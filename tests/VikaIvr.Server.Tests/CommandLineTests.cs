using VikaIvr.Server.Cli;

namespace VikaIvr.Server.Tests;

/// <summary>The `vika` command line: help for every command, unknown options refused, every documented option accepted.</summary>
public sealed class CommandLineTests
{
    public static TheoryData<string> Commands() =>
        new(VikaCommandLine.Commands(TextWriter.Null, TextWriter.Null).Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_prints_its_usage_on_help_and_exits_0(string name)
    {
        var (status, output, error) = await InvokeAsync([.. name.Split(' '), "--help"]);

        Assert.True(status == 0, error);
        // The root's name is the program's: vika when run as vika.dll, the test host here.
        Assert.Contains($" {name}", output, StringComparison.Ordinal);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("Options:", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_refuses_an_option_it_does_not_take(string name)
    {
        var (status, _, error) = await InvokeAsync([.. name.Split(' '), "--sip-port-typo", "9"]);

        Assert.Equal(2, status);
        Assert.Contains($"{name}: Unrecognized command or argument '--sip-port-typo'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Root_help_exits_0_and_no_command_is_a_usage_error()
    {
        var help = await InvokeAsync(["--help"]);
        var none = await InvokeAsync([]);

        Assert.Equal(0, help.Status);
        Assert.Contains("serve", help.Output, StringComparison.Ordinal);
        Assert.Equal(2, none.Status);
        Assert.Contains("Required command was not provided", none.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cdr_refuses_a_serve_option()
    {
        var (status, output, error) = await InvokeAsync(["cdr", "--sip-port", "9"]);

        Assert.Equal(2, status);
        Assert.Empty(output);
        Assert.Contains("cdr: Unrecognized command or argument '--sip-port'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_priority_is_refused_naming_the_option()
    {
        var (status, _, error) = await InvokeAsync(["serve", "--priority", "urgent"]);

        Assert.Equal(2, status);
        Assert.Contains("serve: --priority needs normal or high, not 'urgent'", error, StringComparison.Ordinal);
    }

    /// <summary>The README's CLI reference and the options the interop tests and scripts pass.</summary>
    [Theory]
    [InlineData("serve --bind 127.0.0.1 --sip-port 5060 --rtp-ports 20000-29999 --data d --config c.json --flow f.yaml --prompts p --clock 2026-11-23T10:00:00+07:00 --answer-delay-ms 500 --agent-uri sip:a@b --log-level Debug --stats-seconds 1 --priority normal")]
    [InlineData("cdr --last 5 --json --data d --config c.json")]
    [InlineData("db seed --synthetic 1000 --data d --clock 2026-11-23T10:00:00+07:00")]
    [InlineData("sip parse file.txt")]
    [InlineData("sip parse -")]
    [InlineData("flow validate f.yaml --prompts p")]
    [InlineData("flow validate")]
    [InlineData("simulate a.vks b.vks --junit j.xml --quiet --flow f.yaml")]
    [InlineData("simulate --target sip:165@127.0.0.1:5060 --dtmf info a.vks")]
    [InlineData("call sip:165@127.0.0.1:5060;transport=tcp --dtmf 1,w,1,3171011708850001# --dtmf-mode inband --codec pcma --record out.wav --duration 4 --from 0812")]
    [InlineData("load sip:165@127.0.0.1:5060 --calls 20 --rate 10 --duration 5 --keys 1,w,1,3171011708850001# --dtmf rfc4733 --codec pcmu --audio a.wav --report r.json --bind 127.0.0.1")]
    [InlineData("load sip:165@127.0.0.1:5060 --script tests/scripts/status-budi.vks --dtmf info --codec pcma --prompts p --config c.json")]
    [InlineData("load sip:165@127.0.0.1:5060 --calls 2000 --rate 100 --shared-rtp-port 45002 --rtp-ports 30000-39998")]
    [InlineData("prompts list --prompts p")]
    [InlineData("prompts import welcome w.wav --prompts p")]
    [InlineData("prompts synth --missing")]
    [InlineData("prompts check --prompts p --flow f.yaml")]
    [InlineData("audio convert in.wav out.wav --codec pcmu --no-normalise")]
    [InlineData("dtmf detect f.wav")]
    [InlineData("report --from 2026-12-05 --to 2026-12-06T00:00:00+07:00 --format json --data d --flow f.yaml --config c.json")]
    [InlineData("report --format csv")]
    [InlineData("prompts import welcome w.wav --prompts p --data d")]
    [InlineData("users add sari --role operator --data d")]
    [InlineData("flow reload f.yaml --comment c --author a --data d")]
    [InlineData("flow reload")]
    [InlineData("flow revisions --last 5 --data d")]
    public void Every_documented_option_parses(string line)
    {
        var result = VikaCommandLine.Create(VikaCommandLine.Commands(TextWriter.Null, TextWriter.Null)).Parse(line.Split(' '));

        Assert.Empty(result.Errors.Select(e => e.Message));
    }

    private static async Task<(int Status, string Output, string Error)> InvokeAsync(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int status = await VikaCommandLine.InvokeAsync(args, output, error, CancellationToken.None);
        return (status, output.ToString(), error.ToString());
    }
}
