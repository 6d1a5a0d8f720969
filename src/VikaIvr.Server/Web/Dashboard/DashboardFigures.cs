using VikaIvr.Data.CallRecords;

namespace VikaIvr.Server.Web.Dashboard;

/// <summary>What the dashboard shows at one moment.</summary>
public sealed record DashboardFigures
{
    /// <summary>Calls in progress on this node now.</summary>
    public int ActiveCalls { get; init; }

    /// <summary>Calls that started in the last 60 minutes (every node).</summary>
    public long LastHour { get; init; }

    /// <summary>Calls that started today, Jakarta time (every node).</summary>
    public long Today { get; init; }

    /// <summary>Outcomes of today's ended calls, most frequent first.</summary>
    public IReadOnlyList<OutcomeCount> OutcomesToday { get; init; } = [];

    /// <summary>True when the call records could not be read (the counts are then 0).</summary>
    public bool RecordsUnavailable { get; init; }

    public bool Ready { get; init; }

    public bool Draining { get; init; }

    /// <summary>Each readiness check by name ("database", "speech", "prompts") and its problem, null when fine.</summary>
    public IReadOnlyList<ReadinessItem> Checks { get; init; } = [];

    /// <summary>When the figures were read.</summary>
    public DateTimeOffset At { get; init; }
}
