using VikaIvr.Flows.Scripting;

namespace VikaIvr.Flows.Tests;

public sealed class RecordingScriptParserTests
{
    [Fact]
    public void Speak_record_and_playback_statements_parse()
    {
        var s = ScriptParser.Parse("call 16599 from 0811\nexpect record\nspeak 1.5s\nexpect playback\nexpect playback 2s\n", "t.vks").Statements;
        Assert.Equal(ScriptStatementKind.ExpectRecord, s[1].Kind);
        Assert.Equal(ScriptStatementKind.Speak, s[2].Kind);
        Assert.Equal(TimeSpan.FromSeconds(1.5), s[2].Duration);
        Assert.Equal(TimeSpan.Zero, s[3].Duration);
        Assert.Equal(TimeSpan.FromSeconds(2), s[4].Duration);
        Assert.True(s[4].IsExpectation);
    }

    [Theory]
    [InlineData("speak 0s", 2)]
    [InlineData("speak", 2)]
    [InlineData("expect playback soon", 2)]
    [InlineData("expect record 3s", 2)]
    public void Bad_statements_fail_with_their_line(string line, int number)
    {
        var ex = Assert.Throws<ScriptParseException>(() => ScriptParser.Parse("call 16599 from 0811\n" + line, "t.vks"));
        Assert.Equal(number, ex.Errors[0].Line);
    }
}
