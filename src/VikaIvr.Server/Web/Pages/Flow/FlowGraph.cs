using System.Globalization;
using VikaIvr.Flows.Model;

namespace VikaIvr.Server.Web.Pages.Flow;

/// <summary>
/// A flow laid out for drawing as SVG: a simple layered layout, one column per breadth-first depth
/// from the start node, nodes in the order they are first reached, edges as curves (forward ones
/// right to left edge, back ones looping below).
/// </summary>
public sealed class FlowGraph
{
    public const double NodeWidth = 190;
    public const double NodeHeight = 76;
    public const double ColumnGap = 70;
    public const double RowGap = 26;
    public const double Margin = 20;

    private FlowGraph(IReadOnlyList<FlowGraphNode> nodes, IReadOnlyList<FlowGraphEdge> edges, double width, double height)
    {
        Nodes = nodes;
        Edges = edges;
        Width = width;
        Height = height;
    }

    public IReadOnlyList<FlowGraphNode> Nodes { get; }
    public IReadOnlyList<FlowGraphEdge> Edges { get; }
    public double Width { get; }
    public double Height { get; }

    public static FlowGraph Build(FlowDefinition flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        var queue = new Queue<string>();
        Visit(flow.Start.Name, 0);
        while (queue.Count > 0)
        {
            string id = queue.Dequeue();
            foreach (var (target, _) in Exits(flow.Nodes[id])) Visit(target, depth[id] + 1);
        }

        // A valid flow has no unreachable node; draw any anyway, in a last column.
        int last = depth.Count == 0 ? 0 : depth.Values.Max() + 1;
        foreach (string id in flow.Nodes.Keys.Where(id => !depth.ContainsKey(id)).Order(StringComparer.Ordinal)) Visit(id, last);

        var rows = new Dictionary<int, int>();
        var nodes = new Dictionary<string, FlowGraphNode>(StringComparer.Ordinal);
        foreach (string id in order)
        {
            var node = flow.Nodes[id];
            int column = depth[id];
            int row = rows.GetValueOrDefault(column);
            rows[column] = row + 1;
            nodes[id] = new FlowGraphNode(id, node.Kind, [.. node.Prompts().Select(p => p.Name).Distinct(StringComparer.Ordinal)], node.Outcome,
                column, row, Margin + (column * (NodeWidth + ColumnGap)), Margin + (row * (NodeHeight + RowGap)));
        }

        int columns = rows.Count == 0 ? 1 : rows.Keys.Max() + 1;
        int maxRows = rows.Count == 0 ? 1 : rows.Values.Max();
        double height = (2 * Margin) + (maxRows * (NodeHeight + RowGap)) + 40;
        var edges = new List<FlowGraphEdge>();
        foreach (string id in order)
        {
            foreach (var (target, label) in Exits(flow.Nodes[id]))
            {
                if (nodes.TryGetValue(target, out var to)) edges.Add(Edge(nodes[id], to, label, edges.Count, height));
            }
        }

        return new FlowGraph([.. nodes.Values], edges, (2 * Margin) + (columns * (NodeWidth + ColumnGap)), height);

        void Visit(string id, int d)
        {
            if (!flow.Nodes.ContainsKey(id) || !depth.TryAdd(id, d)) return;
            order.Add(id);
            queue.Enqueue(id);
        }
    }

    /// <summary>Where a node leads and how each way is labelled (the digits of a menu, an action's outcomes, ...).</summary>
    public static IEnumerable<(string Target, string Label)> Exits(FlowNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        switch (node)
        {
            case MenuNode menu:
                foreach (var group in menu.Choices.GroupBy(c => c.Value.Name, StringComparer.Ordinal))
                {
                    yield return (group.Key, string.Join(" ", group.Select(c => c.Key.ToString())));
                }

                yield return (menu.OnTooManyFailures.Name, "too many");
                break;
            case CollectNode collect:
                yield return (collect.Next.Name, "");
                yield return (collect.OnTooManyFailures.Name, "too many");
                break;
            case ActionNode action:
                foreach (var (outcome, target) in action.Outcomes) yield return (target.Name, outcome);
                if (action.Limit is { } limit) yield return (limit.OnExceeded.Name, string.Create(CultureInfo.InvariantCulture, $"{limit.Outcome} ×{limit.Max}"));
                break;
            case BranchNode branch:
                foreach (var (value, target) in branch.Cases) yield return (target.Name, value);
                yield return (branch.Default.Name, "else");
                break;
            case TransferNode transfer:
                yield return (transfer.OnFailure.Name, "failed");
                break;
            case RecordNode record:
                yield return (record.Next.Name, "");
                if (record.OnTooShort is { } tooShort) yield return (tooShort.Name, "too short");
                break;
            default:
                foreach (var target in node.Targets()) yield return (target.Name, "");
                break;
        }
    }

    private static FlowGraphEdge Edge(FlowGraphNode from, FlowGraphNode to, string label, int index, double height)
    {
        var c = CultureInfo.InvariantCulture;
        if (to.Column > from.Column)
        {
            double x1 = from.X + NodeWidth, y1 = from.Y + (NodeHeight / 2), x2 = to.X, y2 = to.Y + (NodeHeight / 2);
            double bend = Math.Max(30, (x2 - x1) / 2);
            string path = string.Create(c, $"M{x1:0.#},{y1:0.#} C{x1 + bend:0.#},{y1:0.#} {x2 - bend:0.#},{y2:0.#} {x2:0.#},{y2:0.#}");
            // The label sits a little after the start, where edges leaving one node are still apart.
            return new FlowGraphEdge(from.Id, to.Id, label, false, path, x1 + 8, y1 + ((y2 - y1) * 0.2) - 3);
        }

        // Back (or same-column) edges: from the source's bottom, down and round to the target's bottom.
        double sx = from.X + (NodeWidth * 0.66), sy = from.Y + NodeHeight, tx = to.X + (NodeWidth * 0.33), ty = to.Y + NodeHeight;
        double low = Math.Min(height - 6, Math.Max(sy, ty) + 18 + (index % 4 * 6));
        string back = string.Create(c, $"M{sx:0.#},{sy:0.#} C{sx:0.#},{low:0.#} {tx:0.#},{low:0.#} {tx:0.#},{ty:0.#}");
        return new FlowGraphEdge(from.Id, to.Id, label, true, back, ((sx + tx) / 2) - 10, low - 4);
    }
}
