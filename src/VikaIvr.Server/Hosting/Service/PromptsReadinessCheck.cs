using VikaIvr.Flows.Model;
using VikaIvr.Server.Hosting.Serve;

namespace VikaIvr.Server.Hosting.Service;

/// <summary>Every prompt the VIKA flow plays is in the prompt store (loaded, or its file there to load).</summary>
public sealed class PromptsReadinessCheck(CallFlowsService flows) : IReadinessCheck
{
    // The prompt names of the flow last checked, listed once per flow (an activation brings a new
    // one): the check runs every few seconds and would otherwise walk every node's prompts each time.
    private FlowPrompts? _prompts;

    public string Name => "prompts";

    public Task<string?> ProblemAsync(CancellationToken ct)
    {
        var store = flows.Prompts;
        var names = Names(flows.Flow);
        List<string>? missing = null;
        foreach (var name in names)
        {
            if (!store.Contains(name))
            {
                (missing ??= []).Add(name);
            }
        }

        return Task.FromResult(missing is null ? null : "no audio for " + string.Join(", ", missing));
    }

    private string[] Names(FlowDefinition flow)
    {
        if (_prompts is { } cached && ReferenceEquals(cached.Flow, flow))
        {
            return cached.Names;
        }

        var names = new List<string>();
        if (flow.SystemBusyPrompt is { } busy)
        {
            names.Add(busy.Name);
        }

        foreach (var node in flow.Nodes.Values)
        {
            foreach (var prompt in node.Prompts())
            {
                if (prompt.Name.Length > 0 && !names.Contains(prompt.Name))
                {
                    names.Add(prompt.Name);
                }
            }
        }

        var listed = new FlowPrompts(flow, [.. names]);
        _prompts = listed;
        return listed.Names;
    }

    private sealed record FlowPrompts(FlowDefinition Flow, string[] Names);
}
