namespace VikaIvr.Flows.Scripting;

/// <summary>What the server did, as the caller notices it.</summary>
public enum ScriptOutputKind
{
    /// <summary>A recorded prompt (recognised by its id).</summary>
    Prompt,

    /// <summary>An utterance: consecutive synthesized sentences.</summary>
    Say,

    /// <summary>A transfer attempt (SIP REFER).</summary>
    Transfer,

    /// <summary>The server ended the call (SIP BYE).</summary>
    Hangup,

    /// <summary>The server started recording the caller.</summary>
    Record,

    /// <summary>Audio recorded on this call, played back.</summary>
    Playback,
}
