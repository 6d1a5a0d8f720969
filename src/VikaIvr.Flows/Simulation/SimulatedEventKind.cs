namespace VikaIvr.Flows.Simulation;

public enum SimulatedEventKind
{
    /// <summary>A recorded prompt started playing (output).</summary>
    Prompt,

    /// <summary>Synthesized speech started playing (output).</summary>
    Say,

    /// <summary>The IVR attempted a transfer (output).</summary>
    Transfer,

    /// <summary>The IVR hung up (output).</summary>
    Hangup,

    /// <summary>The IVR started recording the caller (output).</summary>
    Record,

    /// <summary>The IVR played back audio recorded on this call (output).</summary>
    Playback,

    /// <summary>The caller spoke (input, transcript only).</summary>
    Speak,

    /// <summary>The caller pressed a key (input, transcript only).</summary>
    Digit,

    /// <summary>The caller hung up (input, transcript only).</summary>
    CallerHangup,
}
