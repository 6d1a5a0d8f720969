using VikaIvr.Flows.Scripting;
using VikaIvr.Flows.Tests.Fakes;

namespace VikaIvr.Flows.Tests;

public sealed class ShippedScriptsTests
{
    [Fact]
    public void Every_shipped_script_parses_and_sets_the_clock()
    {
        var files = Directory.GetFiles(Path.Combine(Harness.RepoRoot(), "tests", "scripts"), "*.vks");
        Assert.True(files.Length >= 20);
        foreach (string f in files)
        {
            var script = ScriptParser.ParseFile(f);
            Assert.Equal(ScriptStatementKind.Clock, script.Statements[0].Kind);
        }
    }

    [Theory]
    [InlineData("main-menu-no-input")]
    [InlineData("main-menu-invalid")]
    [InlineData("vika-menu-retries")]
    [InlineData("info-menu")]
    [InlineData("transfer")]
    [InlineData("transfer-then-hangup")]
    [InlineData("transfer-fails")]
    [InlineData("enter-id-failures")]
    [InlineData("caller-hangs-up")]
    public async Task Menu_scripts_pass_without_domain_data(string name)
    {
        string path = Path.Combine(Harness.RepoRoot(), "tests", "scripts", name + ".vks");
        var r = await new Harness().RunAsync(File.ReadAllText(path), path);
        Assert.True(r.Passed, r.Format());
    }
}
