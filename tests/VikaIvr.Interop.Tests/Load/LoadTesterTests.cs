using System.Globalization;
using System.Text.Json;
using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Interop.Tests.TestCaller;

namespace VikaIvr.Interop.Tests.Load;

/// <summary>`vika load` against a real `vika serve`: its JSON report and its exit status.</summary>
[Collection(InteropCollection.Name)]
public sealed class LoadTesterTests(TestCallerServerFixture fixture) : IClassFixture<TestCallerServerFixture>
{
    [Fact]
    public async Task Twenty_calls_with_keys_are_all_answered_and_completed_with_timing_from_kernel_timestamps()
    {
        var (result, report) = await LoadAsync("--calls", "20", "--rate", "10", "--duration", "5", "--keys", "1,w,1");

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Equal("keys", report.GetProperty("mode").GetString());
        Assert.Equal(20, report.GetProperty("placed").GetInt32());
        Assert.Equal(20, report.GetProperty("answered").GetInt32());
        Assert.Equal(20, report.GetProperty("completed").GetInt32());
        Assert.Equal(0, report.GetProperty("failed").GetInt32());
        Assert.Equal(20, report.GetProperty("inviteTo200Ms").GetProperty("count").GetInt32());
        Assert.Equal(20, report.GetProperty("inviteToFirstRtpMs").GetProperty("count").GetInt32());
        var audio = report.GetProperty("receivedAudio");
        Assert.True(audio.GetProperty("kernelTimestamps").GetBoolean());
        Assert.Equal(20, audio.GetProperty("streams").GetInt32());
        // 5 s of 20 ms packets per call, less the set-up: far more than 100 each.
        Assert.InRange(audio.GetProperty("packets").GetInt64(), 20 * 100, 20 * 400);
        var deviation = audio.GetProperty("deviationMs");
        double p50 = deviation.GetProperty("p50").GetDouble(), p99 = deviation.GetProperty("p99").GetDouble(), max = deviation.GetProperty("max").GetDouble();
        Assert.True(p50 <= p99 && p99 <= max, $"p50 {p50} p99 {p99} max {max}");
        Assert.InRange(p99, 0, 20);   // a 20 ms pacer's timing, not a clock mix-up of seconds or ns
        Assert.True(max > 0, "no interval differed from 20 ms at all: the timing was not measured");
        Assert.InRange(deviation.GetProperty("medianStreamP99").GetDouble(), 0, deviation.GetProperty("worstStreamP99").GetDouble());
        Assert.Contains("placed 20, answered 20, completed 20", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twenty_calls_following_a_shipped_script_check_its_expectations_on_every_call()
    {
        var script = Path.Combine(RepoPaths.Root, "tests", "scripts", "caller-hangs-up.vks");

        var (result, report) = await LoadAsync("--calls", "20", "--rate", "10", "--duration", "30", "--script", script);

        // welcome, main-menu, vika-menu on each call.
        LoadRun.AssertScriptPassed(result, report, calls: 20, expectationsPerCall: 3, fixture.Server.Output);
    }

    [Fact]
    public async Task A_wrong_expectation_fails_on_each_call_and_exits_1()
    {
        var script = Path.Combine(Path.GetTempPath(), $"vika-load-wrong-{Guid.NewGuid():N}.vks");
        await File.WriteAllTextAsync(script, "call 165 from 081234567890\nexpect prompt welcome\nexpect prompt goodbye\nhangup\n");
        try
        {
            var (result, report) = await LoadAsync("--calls", "3", "--rate", "10", "--duration", "30", "--script", script);

            Assert.True(result.ExitCode == 1, result.Describe());
            var expectations = report.GetProperty("expectations");
            Assert.Equal(6, expectations.GetProperty("checked").GetInt64());
            Assert.Equal(3, expectations.GetProperty("failed").GetInt64());
            var failure = Assert.Single(expectations.GetProperty("failures").EnumerateObject());
            Assert.Contains("line 3: expect prompt goodbye — got prompt main-menu", failure.Name, StringComparison.Ordinal);
            Assert.Equal(0, report.GetProperty("failed").GetInt32());
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public async Task Calls_the_target_refuses_are_failures_by_reason_and_the_exit_status_is_1()
    {
        var (result, report) = await LoadAtAsync(Target("999"), "--calls", "3", "--rate", "10", "--duration", "2");

        Assert.True(result.ExitCode == 1, result.Describe());
        Assert.Equal(3, report.GetProperty("placed").GetInt32());
        Assert.Equal(0, report.GetProperty("answered").GetInt32());
        Assert.Equal(3, report.GetProperty("failed").GetInt32());
        var reason = Assert.Single(report.GetProperty("failures").EnumerateObject());
        Assert.StartsWith("rejected 4", reason.Name, StringComparison.Ordinal);
        Assert.Equal(3, reason.Value.GetInt32());
    }

    private string Target(string number) =>
        string.Create(CultureInfo.InvariantCulture, $"sip:{number}@127.0.0.1:{fixture.Server.SipPort}");

    private Task<(ProcessResult Result, JsonElement Report)> LoadAsync(params string[] options) =>
        LoadAtAsync(Target("165"), options);

    private Task<(ProcessResult Result, JsonElement Report)> LoadAtAsync(string target, params string[] options) =>
        LoadRun.RunAsync(fixture.Server, target, options);
}
