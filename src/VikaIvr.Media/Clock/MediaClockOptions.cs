namespace VikaIvr.Media.Clock;

/// <summary>Configuration of the shared media clock.</summary>
public sealed class MediaClockOptions
{
    /// <summary>Upper bound on pacer threads; the clock uses min(this, processor count).</summary>
    public int MaxPacerThreads { get; set; } = 4;

    /// <summary>The base period; a 20 ms frame is sent once per period.</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Phase slots per period: streams are spread over them so packets do not leave in one burst.</summary>
    public int SlotsPerPeriod { get; set; } = 4;

    /// <summary>Spin the last sub-millisecond before a deadline for precision (costs some CPU per pacer).</summary>
    public bool SpinBeforeDeadline { get; set; } = true;

    public TimeSpan SlotDuration => Period / SlotsPerPeriod;
}
