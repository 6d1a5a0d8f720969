namespace VikaIvr.Flows.Ports;

public enum AudioClipKind
{
    /// <summary>A recorded (or placeholder) prompt from the prompt store.</summary>
    Prompt,

    /// <summary>Speech synthesized for this call.</summary>
    Speech,

    /// <summary>A tone, such as the beep before recording.</summary>
    Tone,

    /// <summary>Audio recorded from the caller on this call (played back to an operator).</summary>
    Recording,
}
