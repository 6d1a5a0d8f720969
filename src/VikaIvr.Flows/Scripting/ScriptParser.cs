using System.Globalization;
using VikaIvr.Flows.Loading;

namespace VikaIvr.Flows.Scripting;

/// <summary>
/// Parses the call-script language, one statement per line. Comments: an unquoted token that
/// starts with '#' begins a comment running to the end of the line — except the keys token of
/// `press`, which may contain and even start with '#' (`press 123#`, `press #`). A '#' inside a
/// word (`abc#d`) or inside quotes is not a comment.
/// </summary>
public static class ScriptParser
{
    public static readonly TimeSpan DefaultGap = TimeSpan.FromMilliseconds(300);

    public static CallScript ParseFile(string path) => Parse(File.ReadAllText(path), path);

    public static CallScript Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var statements = new List<ScriptStatement>();
        var errors = new List<ScriptError>();
        string[] lines = text.ReplaceLineEndings("\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int line = i + 1;
            var tokens = ScriptTokenizer.Tokenize(lines[i], out string? tokenError);
            if (tokenError is not null)
            {
                errors.Add(new ScriptError(file, line, "a well-formed line", tokenError));
                continue;
            }

            if (tokens.Count == 0) continue;
            try
            {
                statements.Add(ParseStatement(tokens, line, lines[i].Trim()));
            }
            catch (FormatException ex)
            {
                errors.Add(new ScriptError(file, line, "a valid statement", ex.Message));
            }
        }

        if (errors.Count == 0 && !statements.Exists(s => s.Kind == ScriptStatementKind.Call))
            errors.Add(new ScriptError(file, 1, "a 'call' statement", "the script has none"));
        if (errors.Count > 0) throw new ScriptParseException(errors);
        return new CallScript(file, statements);
    }

    private static ScriptStatement ParseStatement(IReadOnlyList<ScriptToken> t, int line, string source)
    {
        string head = t[0].Text;
        switch (head)
        {
            case "clock":
                Count(t, 2, 2, "clock 2026-11-23T10:00:00+07:00");
                if (!DateTimeOffset.TryParse(t[1].Text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                    || !t[1].Text.Contains('T'))
                    throw new FormatException($"'{t[1].Text}' is not a date-time with offset such as 2026-11-23T10:00:00+07:00");
                return new(ScriptStatementKind.Clock, line, source) { Time = time };
            case "call":
                Count(t, 4, 4, "call 165 from 081234567890");
                if (t[2].Text != "from") throw new FormatException("expected 'call NUMBER from NUMBER'");
                return new(ScriptStatementKind.Call, line, source) { Value = t[1].Text, From = t[3].Text };
            case "press":
                return ParsePress(t, line, source);
            case "wait":
                Count(t, 2, 2, "wait 6s");
                if (!DurationText.TryParse(t[1].Text, out var wait) || wait <= TimeSpan.Zero)
                    throw new FormatException($"'{t[1].Text}' is not a positive duration such as 6s or 500ms");
                return new(ScriptStatementKind.Wait, line, source) { Duration = wait };
            case "speak":
                Count(t, 2, 2, "speak 3s");
                if (!DurationText.TryParse(t[1].Text, out var speak) || speak <= TimeSpan.Zero)
                    throw new FormatException($"'{t[1].Text}' is not a positive duration such as 3s or 500ms");
                return new(ScriptStatementKind.Speak, line, source) { Duration = speak };
            case "transfer-fails":
                Count(t, 1, 1, "transfer-fails");
                return new(ScriptStatementKind.TransferFails, line, source);
            case "hangup":
                Count(t, 1, 1, "hangup");
                return new(ScriptStatementKind.Hangup, line, source);
            case "expect":
                return ParseExpect(t, line, source);
            default:
                throw new FormatException($"unknown statement '{head}' (clock, call, expect, press, wait, speak, transfer-fails, hangup)");
        }
    }

    private static ScriptStatement ParseExpect(IReadOnlyList<ScriptToken> t, int line, string source)
    {
        if (t.Count < 2) throw new FormatException("expect what? (prompt ID, say \"text\", transfer [URI], hangup, record, playback [LENGTH])");
        switch (t[1].Text)
        {
            case "prompt":
                Count(t, 3, 3, "expect prompt ID");
                return new(ScriptStatementKind.ExpectPrompt, line, source) { Value = t[2].Text };
            case "say":
                if (t.Count < 3) throw new FormatException("expect say needs at least one \"text\"");
                var texts = new List<string>();
                for (int i = 2; i < t.Count; i++)
                {
                    if (!t[i].Quoted) throw new FormatException($"expect say texts must be quoted: {t[i].Text}");
                    texts.Add(t[i].Text);
                }

                return new(ScriptStatementKind.ExpectSay, line, source) { Texts = texts };
            case "transfer":
                Count(t, 2, 3, "expect transfer [URI]");
                return new(ScriptStatementKind.ExpectTransfer, line, source) { Value = t.Count == 3 ? t[2].Text : null };
            case "hangup":
                Count(t, 2, 2, "expect hangup");
                return new(ScriptStatementKind.ExpectHangup, line, source);
            case "record":
                Count(t, 2, 2, "expect record");
                return new(ScriptStatementKind.ExpectRecord, line, source);
            case "playback":
                Count(t, 2, 3, "expect playback [3s]");
                var length = TimeSpan.Zero;
                if (t.Count == 3 && (!DurationText.TryParse(t[2].Text, out length) || length <= TimeSpan.Zero))
                    throw new FormatException($"'{t[2].Text}' is not a positive duration such as 3s");
                return new(ScriptStatementKind.ExpectPlayback, line, source) { Duration = length };
            default:
                throw new FormatException($"unknown expectation '{t[1].Text}' (prompt, say, transfer, hangup, record, playback)");
        }
    }

    private static ScriptStatement ParsePress(IReadOnlyList<ScriptToken> t, int line, string source)
    {
        Count(t, 2, 3, "press DIGITS [gap=300ms]");
        string keys = t[1].Text;
        foreach (char c in keys)
        {
            if (c is not ((>= '0' and <= '9') or '*' or '#' or (>= 'A' and <= 'D')))
                throw new FormatException($"'{c}' is not a key (0-9 * # A-D) in '{keys}'");
        }

        var gap = DefaultGap;
        if (t.Count == 3)
        {
            string g = t[2].Text;
            if (!g.StartsWith("gap=", StringComparison.Ordinal) || !DurationText.TryParse(g[4..], out gap) || gap < TimeSpan.Zero)
                throw new FormatException($"'{g}' is not a gap such as gap=300ms");
        }

        return new(ScriptStatementKind.Press, line, source) { Value = keys, Duration = gap };
    }

    private static void Count(IReadOnlyList<ScriptToken> t, int min, int max, string usage)
    {
        if (t.Count < min || t.Count > max) throw new FormatException($"usage: {usage}");
    }
}
