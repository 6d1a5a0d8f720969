using System.Diagnostics.Tracing;

namespace VikaIvr.Server.Tests.CallSetup;

/// <summary>
/// The runtime's GCAllocationTick events (one about every 100 KB allocated, naming the type of the
/// object that crossed the mark) summed by type while <see cref="Counting"/> is on: a sampled
/// picture of which types a run allocates, good enough to rank the big ones over many calls.
/// </summary>
public sealed class AllocationTicks : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _bytes = [];
    private volatile bool _counting;

    public bool Counting
    {
        get => _counting;
        set => _counting = value;
    }

    /// <summary>Sampled bytes by type, largest first.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> ByType()
    {
        lock (_bytes)
        {
            return [.. _bytes.OrderByDescending(p => p.Value)];
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_counting || eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
        {
            return;
        }

        int typeIndex = eventData.PayloadNames!.IndexOf("TypeName");
        int amountIndex = eventData.PayloadNames.IndexOf("AllocationAmount64");
        if (typeIndex < 0)
        {
            return;
        }

        string type = eventData.Payload[typeIndex] as string ?? "?";
        long amount = amountIndex >= 0 ? Convert.ToInt64(eventData.Payload[amountIndex], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        lock (_bytes)
        {
            _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
        }
    }
}
