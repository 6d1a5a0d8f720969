namespace VikaIvr.Testing.Scripting;

public enum PromptMatchResult
{
    NoMatch,
    /// <summary>The prompt played to its end or was cut short; the match's End is final.</summary>
    Matched,

    /// <summary>The prompt's beginning matched and it is still playing.</summary>
    Recognised,

    /// <summary>A prompt may start here but the stream ends too soon to say.</summary>
    NeedMore,
}
