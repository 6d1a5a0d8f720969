namespace VikaIvr.Media.Session;

public enum PlaybackResult
{
    /// <summary>Every frame of the clip was sent.</summary>
    Completed,

    /// <summary>StopPlayback, hangup or session close ended it early.</summary>
    Stopped,
}
