using VikaIvr.Data;
using VikaIvr.Data.CallRecords;
using VikaIvr.Jkn.Time;
using VikaIvr.Server.Hosting.Serve;
using VikaIvr.Server.Hosting.Service;

namespace VikaIvr.Server.Web.Dashboard;

/// <summary>
/// Reads the dashboard's figures: the live call count from the SIP stack, counts over the call
/// records by start time, and the readiness checks' last results (never running a check: the
/// refresher does that every few seconds, and the dashboard is polled too).
/// </summary>
public sealed class DashboardReader(SipStackService sip, ServiceReadiness readiness, ConsoleData data, TimeProvider clock, IEnumerable<IReadinessCheck> checks)
{
    private readonly string[] _checkNames = [.. checks.Select(c => c.Name)];

    public async Task<DashboardFigures> ReadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var startOfToday = new DateTimeOffset(JakartaTime.Today(now).ToDateTime(TimeOnly.MinValue), JakartaTime.Offset);
        var snapshot = readiness.Current;
        var figures = new DashboardFigures
        {
            At = now,
            ActiveCalls = sip.ActiveCalls,
            Ready = snapshot.Ready,
            Draining = snapshot.Draining,
            Checks = [.. _checkNames.Select(name => new ReadinessItem(name, ProblemOf(snapshot.Reason, name)))],
        };
        try
        {
            var counts = new CallRecordCounts(data.Database);
            return figures with
            {
                LastHour = await counts.StartedAsync(now.AddHours(-1), now.AddSeconds(1), ct).ConfigureAwait(false),
                Today = await counts.StartedAsync(startOfToday, startOfToday.AddDays(1), ct).ConfigureAwait(false),
                OutcomesToday = await counts.OutcomesAsync(startOfToday, startOfToday.AddDays(1), ct).ConfigureAwait(false),
            };
        }
        catch (Exception ex) when (ex is DataStoreException or ConsoleNotReadyException)
        {
            // The readiness card says why (database: ...); the page itself stays up.
            return figures with { RecordsUnavailable = true };
        }
    }

    /// <summary>The readiness reason is "name: problem; name: problem"; this check's part of it.</summary>
    private static string? ProblemOf(string reason, string name)
    {
        foreach (var part in reason.Split("; ", StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith(name + ": ", StringComparison.Ordinal)) return part[(name.Length + 2)..];
        }

        return null;
    }
}
