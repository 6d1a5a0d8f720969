namespace VikaIvr.Media.Clock;

/// <summary>
/// What drives the media clock: real pacer threads in production, manual stepping in tests.
/// </summary>
public interface IMediaTickSource : IDisposable
{
    /// <summary>Timestamp units per second.</summary>
    long Frequency { get; }

    long GetTimestamp();

    /// <summary>
    /// Starts calling <paramref name="onSlot"/> for each of <paramref name="shards"/> at the slots of
    /// <paramref name="slotDuration"/> where <paramref name="nextWork"/> says work may be due; a source
    /// may skip slots the probe passes over (a real pacer sleeps through them) or run every slot.
    /// </summary>
    void Start(int shards, TimeSpan slotDuration, int slotsPerPeriod, MediaSlotCallback onSlot, MediaWorkProbe nextWork);

    /// <summary>The shard's work changed (a stream joined): a sleeping pacer should ask the probe again.</summary>
    void Wake(int shard);

    /// <summary>Slots that were dropped because a pacer stalled longer than a period (never replayed as a burst).</summary>
    long SkippedSlots { get; }
}
