using Microsoft.Extensions.Logging;
using VikaIvr.Data.Audit;
using VikaIvr.Data.PromptVersions;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Hosting.Serve;

namespace VikaIvr.Server.Web.Prompts;

/// <summary>
/// What the prompts pages read from `serve`: the <see cref="PromptEditor"/> over the same prompt library
/// the operator line and the prompt sync use (made on first use: the admin endpoint starts before the
/// call flows are loaded), the prompts the call flow plays, and the operator line.
/// </summary>
public sealed class PromptsConsole
{
    private readonly CallFlowsService _flows;
    private readonly Lazy<PromptEditor> _editor;

    public PromptsConsole(CallFlowsService flows, VikaServices services, TimeProvider clock, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(flows);
        ArgumentNullException.ThrowIfNull(services);
        _flows = flows;
        // PublicationOnly: a page asked for while serve still starts fails, and the next one tries again.
        _editor = new Lazy<PromptEditor>(() => new PromptEditor(
            flows.Recorder.Library, new PromptVersionStore(flows.Database), new AuditLog(flows.Database, clock), services.NodeId,
            flows.Prompts.Reload, clock, loggers.CreateLogger<PromptEditor>()), LazyThreadSafetyMode.PublicationOnly);
    }

    /// <exception cref="ConsoleNotReadyException">serve has not loaded its call flows yet.</exception>
    public PromptEditor Editor
    {
        get
        {
            try
            {
                return _editor.Value;
            }
            catch (InvalidOperationException ex)
            {
                throw new ConsoleNotReadyException("the server is still starting: its prompts are not loaded yet", ex);
            }
        }
    }

    /// <summary>The number to dial to record by phone, and whether it is open (it needs Operator:Pin).</summary>
    public OperatorLine Line => _flows.Line;

    /// <summary>The prompts the VIKA call flow plays.</summary>
    public IReadOnlyCollection<string> UsedByFlow()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in _flows.Flow.Nodes.Values)
            foreach (var p in node.Prompts()) ids.Add(p.Name);
        return ids;
    }
}
