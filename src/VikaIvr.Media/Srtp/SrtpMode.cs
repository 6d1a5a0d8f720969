namespace VikaIvr.Media.Srtp;

/// <summary>The media encryption policy (<c>Media:Srtp</c>).</summary>
public enum SrtpMode
{
    /// <summary>Plain RTP only: an RTP/SAVP offer has no acceptable media (488).</summary>
    Off,

    /// <summary>SRTP when the offer carries a supported a=crypto line, plain RTP otherwise.</summary>
    Optional,

    /// <summary>SRTP only: a plain offer gets 488; our own offers are RTP/SAVP.</summary>
    Required,
}
