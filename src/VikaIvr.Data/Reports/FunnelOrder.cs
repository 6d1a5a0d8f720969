using VikaIvr.Flows.Model;

namespace VikaIvr.Data.Reports;

/// <summary>
/// The order of the funnel's nodes: breadth-first over the flow's edges from its start (each
/// node's targets in the order the flow file gives them), then the flow's nodes no edge reaches,
/// then nodes the calls visited that the flow no longer has (a call on an older revision), most
/// entered first. Without a flow: most entered first, ties by id.
/// </summary>
internal static class FunnelOrder
{
    public static List<string> Of(FlowDefinition? flow, IReadOnlyDictionary<string, int> entered)
    {
        var order = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (flow is not null)
        {
            var queue = new Queue<string>();
            if (flow.Nodes.ContainsKey(flow.Start.Name) && seen.Add(flow.Start.Name)) queue.Enqueue(flow.Start.Name);
            while (queue.Count > 0)
            {
                string id = queue.Dequeue();
                order.Add(id);
                foreach (var target in flow.Nodes[id].Targets())
                {
                    if (flow.Nodes.ContainsKey(target.Name) && seen.Add(target.Name)) queue.Enqueue(target.Name);
                }
            }

            foreach (var id in flow.Nodes.Keys)
            {
                if (seen.Add(id)) order.Add(id);
            }
        }

        var rest = new List<string>();
        foreach (var id in entered.Keys)
        {
            if (!seen.Contains(id)) rest.Add(id);
        }

        rest.Sort((a, b) => entered[b] != entered[a] ? entered[b].CompareTo(entered[a]) : string.CompareOrdinal(a, b));
        order.AddRange(rest);
        return order;
    }
}
