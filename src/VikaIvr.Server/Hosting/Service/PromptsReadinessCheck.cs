using VikaIvr.Server.Hosting.Serve;

namespace VikaIvr.Server.Hosting.Service;

/// <summary>Every prompt the VIKA flow plays is in the prompt store (loaded, or its file there to load).</summary>
public sealed class PromptsReadinessCheck(CallFlowsService flows) : IReadinessCheck
{
    public string Name => "prompts";

    public Task<string?> ProblemAsync(CancellationToken ct)
    {
        var store = flows.Prompts;
        var flow = flows.Flow;
        var missing = new List<string>();
        if (flow.SystemBusyPrompt is { } busy && !store.Contains(busy.Name))
        {
            missing.Add(busy.Name);
        }

        foreach (var node in flow.Nodes.Values)
        {
            foreach (var prompt in node.Prompts())
            {
                if (prompt.Name.Length > 0 && !store.Contains(prompt.Name) && !missing.Contains(prompt.Name))
                {
                    missing.Add(prompt.Name);
                }
            }
        }

        return Task.FromResult(missing.Count == 0 ? null : "no audio for " + string.Join(", ", missing));
    }
}
