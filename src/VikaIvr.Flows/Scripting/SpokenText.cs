using System.Text;

namespace VikaIvr.Flows.Scripting;

/// <summary>How `expect say` compares words: case, punctuation and repeated spaces are ignored,
/// and texts must match whole words, in order.</summary>
public static class SpokenText
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
        }

        if (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        return sb.ToString();
    }

    /// <summary>True when <paramref name="utterance"/> contains each of <paramref name="texts"/>, in order.</summary>
    public static bool ContainsInOrder(string utterance, IReadOnlyList<string> texts, out string? missing)
    {
        string hay = " " + Normalize(utterance) + " ";
        int from = 0;
        foreach (string t in texts)
        {
            string needle = " " + Normalize(t) + " ";
            int at = hay.IndexOf(needle, from, StringComparison.Ordinal);
            if (at < 0)
            {
                missing = t;
                return false;
            }

            from = at + needle.Length - 1;
        }

        missing = null;
        return true;
    }
}
