namespace VikaIvr.Speech.Prompts;

public enum PromptProblemKind
{
    NotInManifest,
    Missing,
    Unreadable,
    Silent,
    Clipped,
    TooQuiet,
    TooLoud,
    TooLong,
}
