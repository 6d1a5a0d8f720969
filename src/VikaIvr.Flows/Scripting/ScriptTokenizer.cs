using System.Text;

namespace VikaIvr.Flows.Scripting;

/// <summary>Splits a script line into tokens and drops its comment (see <see cref="ScriptParser"/> for the rule).</summary>
internal static class ScriptTokenizer
{
    public static List<ScriptToken> Tokenize(string line, out string? error)
    {
        error = null;
        var tokens = new List<ScriptToken>();
        int i = 0;
        while (i < line.Length)
        {
            if (char.IsWhiteSpace(line[i])) { i++; continue; }
            if (line[i] == '"')
            {
                var sb = new StringBuilder();
                i++;
                while (i < line.Length && line[i] != '"')
                {
                    if (line[i] == '\\' && i + 1 < line.Length) i++;
                    sb.Append(line[i++]);
                }

                if (i >= line.Length)
                {
                    error = "a quoted text is not closed";
                    return tokens;
                }

                i++;
                tokens.Add(new ScriptToken(sb.ToString(), true));
                continue;
            }

            bool pressKeys = tokens.Count == 1 && tokens[0] is { Quoted: false, Text: "press" };
            if (line[i] == '#' && !pressKeys) break;
            int start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i])) i++;
            tokens.Add(new ScriptToken(line[start..i], false));
        }

        return tokens;
    }
}
