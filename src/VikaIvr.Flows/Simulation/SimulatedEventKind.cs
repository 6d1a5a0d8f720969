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

    /// <summary>The caller pressed a key (input, transcript only).</summary>
    Digit,

    /// <summary>The caller hung up (input, transcript only).</summary>
    CallerHangup,
}
