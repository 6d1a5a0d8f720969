using VikaIvr.Flows.Model;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Data.Reports;

/// <summary>Computes a <see cref="CallReport"/> from call records (one pass; records outside [from, to) are skipped).</summary>
public static class CallReportBuilder
{
    public static CallReport Build(IEnumerable<CallRecord> records, FlowDefinition? flow, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(records);
        var entered = new Dictionary<string, int>(StringComparer.Ordinal);
        var left = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        int calls = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (record.StartedAt < from || record.StartedAt >= to) continue;
            calls++;
            seen.Clear();
            foreach (var node in record.Nodes)
            {
                if (!seen.Add(node)) continue;
                if (!entered.TryAdd(node, 1)) entered[node]++;
                if (!order.Contains(node)) order.Add(node);
            }

            if (record.Nodes.Count > 0)
            {
                var last = record.Nodes[^1];
                left[last] = left.GetValueOrDefault(last) + 1;
            }
        }

        var nodes = flow is null ? order : [.. flow.Nodes.Keys.Concat(order).Distinct(StringComparer.Ordinal)];
        return new CallReport
        {
            From = from,
            To = to,
            Calls = calls,
            Funnel = [.. nodes.Select(n => new FunnelStep(n, entered.GetValueOrDefault(n), left.GetValueOrDefault(n)))],
        };
    }
}
