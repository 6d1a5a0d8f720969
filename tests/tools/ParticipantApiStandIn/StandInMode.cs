namespace VikaIvr.Tools.ParticipantApiStandIn;

/// <summary>How the stand-in answers every lookup.</summary>
public enum StandInMode
{
    /// <summary>200 with the participant, 404 for an unknown number.</summary>
    Normal,

    /// <summary>Waits <see cref="ParticipantApiStandIn.SlowDelay"/> before answering normally (longer than any lookup timeout).</summary>
    Slow,

    /// <summary>500 Internal Server Error.</summary>
    Failing,

    /// <summary>Drops the connection without an answer (the client sees a reset).</summary>
    Reset,

    /// <summary>200 with a body that is not JSON.</summary>
    InvalidJson,

    /// <summary>200 with JSON of the wrong shape (an array).</summary>
    WrongShape,

    /// <summary>200 with the participant's object whose care_class is a string.</summary>
    WrongTypes,

    /// <summary>200 with a 1 MiB body.</summary>
    HugeBody,

    /// <summary>200 with a well-formed participant, but always the first one, whatever was asked.</summary>
    WrongParticipant,
}
