namespace VikaIvr.Speech.Prompts;

public enum PromptStatus
{
    /// <summary>No audio file.</summary>
    Missing,

    /// <summary>A placeholder made by the speech engine (or a generated tone).</summary>
    Synthesized,

    /// <summary>Recorded by an operator (imported or recorded by phone).</summary>
    Recorded,
}
