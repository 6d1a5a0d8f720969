namespace VikaIvr.Speech.Prompts;

public enum PromptKind
{
    /// <summary>Spoken words; placeholders are synthesized from the text.</summary>
    Speech,

    /// <summary>A tone such as the beep before recording; placeholders are generated, not spoken.</summary>
    Tone,
}
