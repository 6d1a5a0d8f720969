namespace VikaIvr.Data.ParticipantApi;

/// <summary>Which number a participant is looked up by.</summary>
public enum ParticipantKeyKind
{
    Nik,
    Card,
}
