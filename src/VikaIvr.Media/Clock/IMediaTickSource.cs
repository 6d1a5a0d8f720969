namespace VikaIvr.Media.Clock;

/// <summary>
/// What drives the media clock: real pacer threads in production, manual stepping in tests.
/// </summary>
public interface IMediaTickSource : IDisposable
{
    /// <summary>Timestamp units per second.</summary>
    long Frequency { get; }

    long GetTimestamp();

    /// <summary>Starts calling <paramref name="onSlot"/> for each of <paramref name="shards"/> every <paramref name="slotDuration"/>.</summary>
    void Start(int shards, TimeSpan slotDuration, int slotsPerPeriod, MediaSlotCallback onSlot);

    /// <summary>Slots that were dropped because a pacer stalled longer than a period (never replayed as a burst).</summary>
    long SkippedSlots { get; }
}
