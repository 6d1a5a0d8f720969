using VikaIvr.Media.Session;

namespace VikaIvr.Telephony.Media;

/// <summary>A call as <see cref="MediaInactivityWatchdog"/> watches it: its media, and what ends it when they go quiet.</summary>
public interface IWatchedMedia
{
    MediaSession Media { get; }

    /// <summary>The call's media were idle for the timeout: end the call (on the sweep's thread; must not block).</summary>
    void OnMediaTimeout();
}
