namespace VikaIvr.Server.Web.Pages.Flow;

/// <summary>
/// One way from a node to another, with its label (a menu key, an action outcome, "too many", ...)
/// and its drawn path. <see cref="Back"/> edges lead to an earlier or the same column.
/// </summary>
public sealed record FlowGraphEdge(string From, string To, string Label, bool Back, string Path, double LabelX, double LabelY);
