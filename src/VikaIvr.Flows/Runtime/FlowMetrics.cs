using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace VikaIvr.Flows.Runtime;

/// <summary>
/// The flow's drop-off (meter "VikaIvr"): entries and exits per node. A node entered but not
/// exited is where callers hung up (or were cut). Labels are the flow's file name and the node
/// id from the flow file — never what a caller typed.
/// </summary>
public sealed class FlowMetrics
{
    public const string MeterName = "VikaIvr";

    private readonly Counter<long> _entries;
    private readonly Counter<long> _exits;

    public FlowMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _entries = meter.CreateCounter<long>("vika.flow.node.entries", "{entry}", "Times a call entered a flow node");
        _exits = meter.CreateCounter<long>("vika.flow.node.exits", "{exit}", "Times a call left a flow node by finishing its step (not by hanging up in it)");
    }

    public void Entered(string flow, string node) => _entries.Add(1, Tags(flow, node));

    public void Exited(string flow, string node) => _exits.Add(1, Tags(flow, node));

    private static TagList Tags(string flow, string node) => new() { { "flow", flow }, { "node", node } };
}
