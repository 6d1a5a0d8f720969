using VikaIvr.Flows.Loading;
using VikaIvr.Server.Web.Pages.Flow;

namespace VikaIvr.Server.Tests.Flows;

/// <summary>The flow page's layered layout of the shipped VIKA flow.</summary>
public sealed class FlowGraphTests
{
    private static readonly FlowGraph Graph = FlowGraph.Build(FlowLoader.Load(
        Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "config", "flows", "vika.yaml")));

    [Fact]
    public void Columns_are_the_breadth_first_depth_from_the_start()
    {
        Assert.Equal(0, Node("welcome").Column);
        Assert.Equal(1, Node("main-menu").Column);
        Assert.Equal(2, Node("vika-menu").Column);
        Assert.Equal(2, Node("info-menu").Column);
        Assert.Equal(["welcome"], Graph.Nodes.Where(n => n.Column == 0).Select(n => n.Id));
    }

    [Fact]
    public void Every_node_is_drawn_once_inside_the_picture_and_none_overlap()
    {
        Assert.Equal(Graph.Nodes.Count, Graph.Nodes.Select(n => n.Id).Distinct().Count());
        foreach (var n in Graph.Nodes)
        {
            Assert.InRange(n.X + FlowGraph.NodeWidth, 0, Graph.Width);
            Assert.InRange(n.Y + FlowGraph.NodeHeight, 0, Graph.Height);
        }

        Assert.Equal(Graph.Nodes.Count, Graph.Nodes.Select(n => (n.X, n.Y)).Distinct().Count());
    }

    [Fact]
    public void Menu_edges_carry_their_digits_and_node_boxes_their_prompts()
    {
        Assert.Contains(Graph.Edges, e => e is { From: "main-menu", To: "vika-menu", Label: "1", Back: false });
        Assert.Contains(Graph.Edges, e => e is { From: "main-menu", To: "agent", Label: "0" });
        Assert.Contains(Graph.Edges, e => e is { From: "vika-menu", To: "main-menu", Label: "*", Back: true });
        Assert.Contains("main-menu", Node("main-menu").Prompts);
        Assert.Equal("menu", Node("main-menu").Kind);
    }

    private static FlowGraphNode Node(string id) => Graph.Nodes.Single(n => n.Id == id);
}
