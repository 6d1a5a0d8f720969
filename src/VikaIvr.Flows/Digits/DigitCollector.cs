using VikaIvr.Flows.Ports;

namespace VikaIvr.Flows.Digits;

/// <summary>
/// Multi-digit collection on a <see cref="DigitQueue"/>: lengths, terminators, first- and
/// inter-digit timeouts (the rules are written once, in <see cref="DigitCollection"/>). Real calls
/// and the simulator's calls both collect through here.
/// </summary>
public static class DigitCollector
{
    /// <summary>Collects one entry; a cancelled <paramref name="ct"/> or a closed queue ends it as a hangup (with what was typed).</summary>
    public static Task<DigitResult> CollectAsync(DigitQueue queue, DigitOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(queue);
        return queue.Collect(options, ct);
    }
}
