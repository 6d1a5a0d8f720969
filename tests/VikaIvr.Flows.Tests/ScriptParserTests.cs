using VikaIvr.Flows.Scripting;

namespace VikaIvr.Flows.Tests;

public sealed class ScriptParserTests
{
    [Fact]
    public void Hash_in_press_is_a_key_and_elsewhere_starts_a_comment()
    {
        var s = ScriptParser.Parse("""
            # a whole-line comment
            clock 2026-11-23T10:00:00+07:00   # the time
            call 165 from 081234567890
            press 3171011708850001#           # NIK then hash
            press # gap=100ms
            press #
            expect say "harga #1" "dua"       # quoted '#' is text
            wait 6s
            expect transfer
            expect transfer sip:agent@localhost
            transfer-fails
            hangup
            expect hangup
            """, "s.vks");
        Assert.Equal(12, s.Statements.Count);
        Assert.Equal("3171011708850001#", s.Statements[2].Value);
        Assert.Equal(4, s.Statements[2].Line);
        Assert.Equal(TimeSpan.FromMilliseconds(300), s.Statements[2].Duration);
        Assert.Equal("#", s.Statements[3].Value);
        Assert.Equal(TimeSpan.FromMilliseconds(100), s.Statements[3].Duration);
        Assert.Equal("#", s.Statements[4].Value);
        Assert.Equal(["harga #1", "dua"], s.Statements[5].Texts);
        Assert.Equal(TimeSpan.FromSeconds(6), s.Statements[6].Duration);
        Assert.Null(s.Statements[7].Value);
        Assert.Equal("sip:agent@localhost", s.Statements[8].Value);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(7)), s.Statements[0].Time);
    }

    [Fact]
    public void Every_bad_line_is_reported_with_its_line()
    {
        var ex = Assert.Throws<ScriptParseException>(() => ScriptParser.Parse("""
            call 165 from 0812
            press 12x
            expect prompt
            wait soon
            expect say unquoted
            dance
            """, "bad.vks"));
        Assert.Equal([2, 3, 4, 5, 6], ex.Errors.Select(e => e.Line));
        Assert.All(ex.Errors, e => Assert.Equal("bad.vks", e.File));
    }

    [Fact]
    public void A_script_without_a_call_is_rejected()
    {
        var ex = Assert.Throws<ScriptParseException>(() => ScriptParser.Parse("expect prompt welcome", "x.vks"));
        Assert.Contains("call", ex.Errors[0].Expected, StringComparison.Ordinal);
    }
}
