namespace VikaIvr.Media.Clock;

/// <summary>Configuration of the shared media clock.</summary>
public sealed class MediaClockOptions
{
    /// <summary>Upper bound on pacer threads; the clock uses min(this, processor count).</summary>
    public int MaxPacerThreads { get; set; } = 4;

    /// <summary>The base period; a 20 ms frame is sent once per period.</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Phase slots per period: streams are spread over them so packets do not leave in one burst.
    /// 40 (0.5 ms slots) keeps each slot's batch small (2,000 calls on 2 pacers: 25 sends, about
    /// 0.3 ms of sendto) so even the last send of a slot is well under 1 ms late, and divides every
    /// ptime of 10–40 ms.
    /// </summary>
    public int SlotsPerPeriod { get; set; } = 40;

    /// <summary>
    /// Used by <see cref="StopwatchTickSource"/>: spin the last few tens of microseconds before a due
    /// slot for precision. Off by default: on Linux the pacer sleeps to the microsecond, and
    /// spinning only costs CPU. Elsewhere the sleep is coarse and the last millisecond is spun
    /// (only before slots that have work).
    /// </summary>
    public bool SpinBeforeDeadline { get; set; }

    /// <summary>
    /// Used by <see cref="StopwatchTickSource"/>: how hard the pacer threads ask the OS to run them on
    /// time. Realtime by default, as media servers do: on a busy host a normal (even niced) thread
    /// waits behind other runnable work for milliseconds; without the permission it falls back.
    /// </summary>
    public PacerThreadPriority PacerPriority { get; set; } = PacerThreadPriority.Realtime;

    public TimeSpan SlotDuration => Period / SlotsPerPeriod;
}
