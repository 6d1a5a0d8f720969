using System.Text;

namespace VikaIvr.Speech.Text;

internal static class WordBuilderExtensions
{
    /// <summary>Appends a word, separated by a space unless at the start or after an opening bracket.</summary>
    public static void AppendWord(this StringBuilder sb, string word)
    {
        if (word.Length == 0) return;
        if (sb.Length > 0 && sb[^1] is not (' ' or '(' or '[' or '"' or '\'')) sb.Append(' ');
        sb.Append(word);
    }
}
