namespace VikaIvr.Server.Web.Pages.Flow;

/// <summary>One node of the drawn flow: its id, kind, prompts, outcome and box (top-left corner, column = breadth-first depth).</summary>
public sealed record FlowGraphNode(string Id, string Kind, IReadOnlyList<string> Prompts, string? Outcome, int Column, int Row, double X, double Y)
{
    /// <summary>The prompts as one line, shortened to fit the box.</summary>
    public string PromptLine
    {
        get
        {
            string all = string.Join(", ", Prompts);
            return all.Length <= 26 ? all : all[..25] + "…";
        }
    }
}
