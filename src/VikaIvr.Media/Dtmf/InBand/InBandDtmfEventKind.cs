namespace VikaIvr.Media.Dtmf.InBand;

public enum InBandDtmfEventKind
{
    /// <summary>A tone pair has been present long enough to count as a key press.</summary>
    Start,

    /// <summary>The tone pair has gone.</summary>
    End,
}
