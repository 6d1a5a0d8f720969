namespace VikaIvr.Flows.Ports;

public enum RecordTermination
{
    /// <summary>A terminator key ended the recording.</summary>
    Terminator,

    /// <summary>The silence timeout passed.</summary>
    Silence,

    /// <summary>The maximum duration was reached.</summary>
    MaxDuration,

    /// <summary>The call ended.</summary>
    Hangup,
}
