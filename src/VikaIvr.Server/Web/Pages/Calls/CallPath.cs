using VikaIvr.Flows.Ports;

namespace VikaIvr.Server.Web.Pages.Calls;

/// <summary>A call's path through the flow as a timeline: each node visited, in order, with the time spent in it.</summary>
public static class CallPath
{
    /// <summary>
    /// The steps of the record's nodes. A node lasts until the next one is entered; the last one until
    /// the call ended. Records written before node times were kept have none: their steps carry no times.
    /// </summary>
    public static IReadOnlyList<CallPathStep> Build(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var nodes = record.Nodes;
        var nodeTimesMs = record.NodeTimesMs;
        bool timed = nodeTimesMs.Count == nodes.Count;
        // Node times count from the answer (from the start when the record has none), as the interpreter takes them.
        long? endMs = record.EndedAt is { } ended ? (long)(ended - (record.AnsweredAt ?? record.StartedAt)).TotalMilliseconds : null;
        var steps = new CallPathStep[nodes.Count];
        for (int i = 0; i < nodes.Count; i++)
        {
            if (!timed)
            {
                steps[i] = new CallPathStep(i + 1, nodes[i], null, null);
                continue;
            }

            long entered = nodeTimesMs[i];
            long? until = i + 1 < nodes.Count ? nodeTimesMs[i + 1] : endMs;
            steps[i] = new CallPathStep(i + 1, nodes[i], entered, until is { } u ? Math.Max(0, u - entered) : null);
        }

        return steps;
    }
}
