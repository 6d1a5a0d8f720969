using VikaIvr.Flows.Scripting;
using VikaIvr.Flows.Tests.Fakes;

namespace VikaIvr.Flows.Tests;

public sealed class ScriptMatchingTests
{
    [Fact]
    public async Task A_wrong_expectation_fails_with_its_file_and_line()
    {
        var r = await new Harness().RunAsync("""
            call 165 from 0812
            expect prompt welcome
            # the caller expects the wrong menu
            expect prompt vika-menu
            """, "tests/scripts/wrong.vks");
        Assert.False(r.Passed);
        var f = Assert.Single(r.Failures);
        Assert.Equal("tests/scripts/wrong.vks", f.File);
        Assert.Equal(4, f.Line);
        Assert.Equal("prompt vika-menu", f.Expected);
        Assert.Contains("prompt main-menu", f.Actual, StringComparison.Ordinal);
        Assert.StartsWith("tests/scripts/wrong.vks:4: expected prompt vika-menu", f.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_left_after_the_last_expect_fail_the_script()
    {
        var r = await new Harness().RunAsync("""
            call 165 from 0812
            expect prompt welcome
            expect prompt main-menu
            """);
        var f = Assert.Single(r.Failures);
        Assert.Equal(3, f.Line);
        Assert.Contains("prompt no-input", f.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expect_say_ignores_case_and_punctuation_but_needs_the_order()
    {
        var h = new Harness();
        const string start = "call 165 from 0812\nexpect prompt welcome\nexpect prompt main-menu\npress 11\nexpect prompt vika-menu\nexpect prompt enter-id\npress 3171011708850001\nexpect prompt enter-dob\npress 17081985\n";
        var ok = await h.RunAsync(start + "expect say \"PESERTA,  atas nama\" \"kelas TIGA!\"\nexpect prompt after-result\nhangup");
        Assert.True(ok.Passed, ok.Format());
        var wrongOrder = await h.RunAsync(start + "expect say \"kelas tiga\" \"atas nama\"\nhangup");
        Assert.Equal(10, Assert.Single(wrongOrder.Failures).Line);
        var partialWord = await h.RunAsync(start + "expect say \"atas nam\"\nhangup");
        Assert.False(partialWord.Passed);
    }

    [Fact]
    public void Consecutive_sentences_and_word_matching()
    {
        Assert.Equal("sebesar tujuh ratus ribu rupiah", SpokenText.Normalize("  Sebesar, tujuh-ratus   RIBU rupiah. "));
        Assert.True(SpokenText.ContainsInOrder("A b. C d", ["a b", "d"], out _));
        Assert.False(SpokenText.ContainsInOrder("A b. C d", ["d", "a"], out string? missing));
        Assert.Equal("a", missing);
    }

    [Fact]
    public async Task JUnit_report_lists_each_script_and_its_failure()
    {
        var h = new Harness();
        var pass = await h.RunAsync("call 165 from 1\nexpect prompt welcome\nhangup", "a.vks");
        var fail = await h.RunAsync("call 165 from 1\nexpect prompt goodbye", "b.vks");
        var xml = JUnitReport.Build([pass, fail]).ToString();
        Assert.Contains("tests=\"2\"", xml, StringComparison.Ordinal);
        Assert.Contains("failures=\"1\"", xml, StringComparison.Ordinal);
        Assert.Contains("b.vks:2: expected prompt goodbye", xml, StringComparison.Ordinal);
    }
}
