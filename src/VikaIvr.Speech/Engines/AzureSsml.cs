using System.Text;

namespace VikaIvr.Speech.Engines;

/// <summary>The SSML document Azure Speech expects for one Indonesian utterance.</summary>
public static class AzureSsml
{
    public static string Build(string voice, string text)
    {
        var sb = new StringBuilder(text.Length + 128);
        sb.Append("<speak version='1.0' xml:lang='id-ID'><voice name='");
        AppendEscaped(sb, voice);
        sb.Append("'>");
        AppendEscaped(sb, text);
        sb.Append("</voice></speak>");
        return sb.ToString();
    }

    private static void AppendEscaped(StringBuilder sb, string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '\'': sb.Append("&apos;"); break;
                case '"': sb.Append("&quot;"); break;
                default:
                    // Control characters are not allowed in XML 1.0 at all.
                    if (c >= ' ' || c is '\t' or '\n' or '\r') sb.Append(c);
                    break;
            }
        }
    }
}
