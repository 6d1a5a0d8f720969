namespace VikaIvr.Flows.Ports;

/// <summary>
/// The record of one call (CDR), filled in by the telephony layer and the flow interpreter
/// while the call runs and stored once it ends. Holds no personal data in clear: callers of
/// the setters mask NIK, card numbers, birth dates and digits typed at identification steps.
/// </summary>
public sealed class CallRecord
{
    // Each list made on first use: a call's set-up touches few of them, and most calls never fill some (failures, DTMF methods).
    private List<string>? _dtmfMethods;
    private List<string>? _nodes;
    private List<long>? _nodeTimesMs;
    private List<string>? _events;
    private List<string>? _failures;

    // The times as UTC ticks and offset minutes (NoTime: not set), 10 bytes each where a
    // DateTimeOffset? field takes 24: the record is made at every call's set-up.
    private long _startedTicks;
    private long _answeredTicks;
    private long _endedTicks;
    private short _startedOffset;
    private short _answeredOffset = NoTime;
    private short _endedOffset = NoTime;

    private const short NoTime = short.MinValue;

    public required string CallId { get; init; }
    public required string Caller { get; init; }
    public required string Called { get; init; }
    /// <summary>The server node that took the call (Server:NodeId); set by the store when empty.</summary>
    public string? NodeId { get; set; }

    public DateTimeOffset StartedAt
    {
        get => Time(_startedTicks, _startedOffset);
        set => (_startedTicks, _startedOffset) = Parts(value);
    }

    public DateTimeOffset? AnsweredAt
    {
        get => _answeredOffset == NoTime ? null : Time(_answeredTicks, _answeredOffset);
        set => (_answeredTicks, _answeredOffset) = value is { } t ? Parts(t) : (0, NoTime);
    }

    public DateTimeOffset? EndedAt
    {
        get => _endedOffset == NoTime ? null : Time(_endedTicks, _endedOffset);
        set => (_endedTicks, _endedOffset) = value is { } t ? Parts(t) : (0, NoTime);
    }

    /// <summary>Why the call ended: "caller-hangup", "flow-hangup", "transfer", "max-duration", "ack-timeout", ...</summary>
    public string EndReason { get; set; } = "";

    /// <summary>Which side ended the call: "caller", "server" or "system".</summary>
    public string EndedBy { get; set; } = "";

    public string? Codec { get; set; }

    /// <summary>DTMF methods seen: "rfc4733", "info", "inband".</summary>
    public List<string> DtmfMethods => _dtmfMethods ??= [];

    /// <summary><see cref="DtmfMethods"/> as they are, without making the list (null: none yet), for a reader such as the record's writer.</summary>
    public IReadOnlyList<string>? DtmfMethodsIfAny => _dtmfMethods;

    /// <summary>Flow node ids in the order visited.</summary>
    public List<string> Nodes => _nodes ??= [];

    /// <summary><see cref="Nodes"/> without making the list (null: none yet).</summary>
    public IReadOnlyList<string>? NodesIfAny => _nodes;

    /// <summary>For each entry of <see cref="Nodes"/>: milliseconds since the call was answered (or
    /// started, when it never was) at which that node was entered.</summary>
    public List<long> NodeTimesMs => _nodeTimesMs ??= [];

    /// <summary><see cref="NodeTimesMs"/> without making the list (null: none yet).</summary>
    public IReadOnlyList<long>? NodeTimesMsIfAny => _nodeTimesMs;

    /// <summary>Flow events (node entered, digits masked, outcomes) in order.</summary>
    public List<string> Events => _events ??= [];

    /// <summary><see cref="Events"/> without making the list (null: none yet).</summary>
    public IReadOnlyList<string>? EventsIfAny => _events;

    /// <summary>The call's outcome as the flow saw it: "status-answered", "bill-answered", "transferred", "too-many-attempts", ...</summary>
    public string Outcome { get; set; } = "";

    /// <summary>Failures during the call (database or speech) that the caller heard as system-busy.</summary>
    public List<string> Failures => _failures ??= [];

    /// <summary><see cref="Failures"/> without making the list (null: none yet).</summary>
    public IReadOnlyList<string>? FailuresIfAny => _failures;

    public long RtpPacketsSent { get; set; }
    public long RtpPacketsReceived { get; set; }
    public long RtpPacketsLost { get; set; }
    public double RtpJitterMs { get; set; }

    private static DateTimeOffset Time(long utcTicks, short offsetMinutes) =>
        new(utcTicks + (offsetMinutes * TimeSpan.TicksPerMinute), TimeSpan.FromMinutes(offsetMinutes));

    private static (long UtcTicks, short OffsetMinutes) Parts(DateTimeOffset t) => (t.UtcTicks, (short)t.TotalOffsetMinutes);
}
