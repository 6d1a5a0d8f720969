using System.Text;

namespace VikaIvr.Speech.Engines;

/// <summary>
/// Whole-word respellings for an engine that misreads them (espeak-ng reads "PBI" as one
/// syllable and "Care Center" as Indonesian). Case-sensitive, so only the acronym form matches.
/// </summary>
public sealed class PronunciationLexicon
{
    private readonly KeyValuePair<string, string>[] _entries;

    public PronunciationLexicon(IReadOnlyDictionary<string, string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        // Longest first, so "Care Center" wins over a shorter entry inside it.
        _entries = [.. entries.Where(e => e.Key.Length > 0).OrderByDescending(e => e.Key.Length)];
    }

    /// <summary>Respellings espeak-ng's Indonesian voice needs for VIKA's vocabulary.</summary>
    public static IReadOnlyDictionary<string, string> EspeakIndonesianDefaults { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["PBI"] = "pe be i",
        ["PPU"] = "pe pe u",
        ["PBPU"] = "pe be pe u",
        ["APBN"] = "a pe be en",
        ["APBD"] = "a pe be de",
        ["TNI"] = "te en i",
        ["CHIKA"] = "cika",
        ["Care Center"] = "ker senter",
        ["WhatsApp"] = "wasap",
        ["Mobile"] = "mobail",
    };

    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_entries.Length == 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        var i = 0;
        while (i < text.Length)
        {
            var matched = false;
            if (i == 0 || !char.IsLetterOrDigit(text[i - 1]))
            {
                foreach (var (word, respelling) in _entries)
                {
                    var end = i + word.Length;
                    if (end <= text.Length && string.CompareOrdinal(text, i, word, 0, word.Length) == 0
                        && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                    {
                        sb.Append(respelling);
                        i = end;
                        matched = true;
                        break;
                    }
                }
            }

            if (!matched) sb.Append(text[i++]);
        }

        return sb.ToString();
    }
}
