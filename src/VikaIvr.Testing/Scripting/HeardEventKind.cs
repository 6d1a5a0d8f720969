namespace VikaIvr.Testing.Scripting;

public enum HeardEventKind
{
    /// <summary>A known prompt, found sample for sample.</summary>
    Prompt,

    /// <summary>Audio that is no known prompt: synthesized speech.</summary>
    Speech,
}
