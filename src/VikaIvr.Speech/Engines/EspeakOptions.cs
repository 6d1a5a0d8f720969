using VikaIvr.Media.Audio;

namespace VikaIvr.Speech.Engines;

/// <summary>espeak-ng settings.</summary>
public sealed class EspeakOptions
{
    /// <summary>The program, found on PATH unless a full path is given.</summary>
    public string ProgramPath { get; set; } = "espeak-ng";

    public string Voice { get; set; } = "id";

    /// <summary>Words per minute; a little slower than espeak's 175 helps on a phone line.</summary>
    public int WordsPerMinute { get; set; } = 150;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Where the program's WAV output is written briefly; the system temp folder when null.</summary>
    public string? TempDirectory { get; set; }

    /// <summary>Synthesized speech is brought to the same level as the prompts.</summary>
    public LoudnessOptions Loudness { get; set; } = new();

    /// <summary>Whole-word respellings applied before synthesis (acronyms, loan words).</summary>
    public IReadOnlyDictionary<string, string> Pronunciations { get; set; } = PronunciationLexicon.EspeakIndonesianDefaults;
}
