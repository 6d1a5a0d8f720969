namespace VikaIvr.Media.Clock;

/// <summary>
/// Something the media clock sends for: called on a pacer thread once per frame interval.
/// Must be quick, must not block and should not allocate.
/// </summary>
public interface IPacedStream
{
    /// <param name="timestamp">The tick source's timestamp when the call was made (for timing and housekeeping).</param>
    void OnFrameDue(long timestamp);
}
