using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VikaIvr.Data.FlowRevisions;
using VikaIvr.Data.Reports;
using VikaIvr.Flows.Loading;
using VikaIvr.Server.Hosting.Flows;
using VikaIvr.Server.Hosting.Serve;
using VikaIvr.Server.Web.Auth;

namespace VikaIvr.Server.Web.Pages.Flow;

/// <summary>
/// /flow (admins): the active revision drawn as a graph with each node's traffic from the report
/// funnel, and a new revision (edited text or an uploaded file) checked, then stored and activated —
/// or refused with its errors and their lines, nothing activated.
/// </summary>
[Authorize(Policy = ConsolePolicies.Flow)]
public sealed class IndexModel(CallFlowsService flows, ConsoleData data, TimeProvider clock) : PageModel
{
    public const int MaxTextBytes = 512 * 1024;

    public static IReadOnlyList<int> Periods { get; } = [1, 7, 30];

    public ActiveFlow Active { get; private set; } = null!;

    public FlowRevision? Revision { get; private set; }

    public FlowGraph Graph { get; private set; } = null!;

    public IReadOnlyDictionary<string, FunnelStep> Traffic { get; private set; } = new Dictionary<string, FunnelStep>();

    public int Calls { get; private set; }

    public int MaxEntered { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int Days { get; set; } = 7;

    [BindProperty]
    public string? Yaml { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The refused revision's errors, each with its line.</summary>
    public IReadOnlyList<FlowError> Errors { get; private set; } = [];

    /// <summary>A FlowText key for a text that was not even checked (empty, too large), or for "same as active".</summary>
    public string? Problem { get; private set; }

    /// <summary>Set after a redirect: the revision just activated.</summary>
    [BindProperty(SupportsGet = true, Name = "activated")]
    public long? ActivatedRevision { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Yaml = Revision?.Yaml;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ActivatedRevision = null;
        string? text = Yaml;
        if (Upload is { Length: > 0 } file)
        {
            if (file.Length > MaxTextBytes) return await RefuseAsync("TooLarge", text, ct);
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            text = await reader.ReadToEndAsync(ct);
        }

        if (string.IsNullOrWhiteSpace(text)) return await RefuseAsync("Empty", text, ct);
        if (Encoding.UTF8.GetByteCount(text) > MaxTextBytes) return await RefuseAsync("TooLarge", null, ct);

        // A browser sends a textarea's lines with CRLF: the revision keeps the file's LF, so the same text hashes alike.
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var activator = flows.Activator;
        if (FlowRevisionStore.Hash(text) == activator.Current.ContentHash)
        {
            Problem = "Unchanged";
            await LoadAsync(ct);
            Yaml = text;
            return Page();
        }

        string author = User.Identity?.Name ?? "console";
        var result = await activator.SubmitAsync(text, author, FlowRevisionSources.Console, Comment, "console", ct);
        if (!result.Activated)
        {
            Errors = result.Errors;
            return await RefuseAsync(null, text, ct);
        }

        return Redirect($"/flow?activated={result.Revision!.Id}");
    }

    private async Task<IActionResult> RefuseAsync(string? problem, string? text, CancellationToken ct)
    {
        Problem = problem;
        await LoadAsync(ct);
        Yaml = text;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (!Periods.Contains(Days)) Days = 7;
        Active = flows.Activator.Current;
        Revision = await flows.Activator.Store.GetAsync(Active.Revision, ct);
        Graph = FlowGraph.Build(Active.Flow);
        var to = clock.GetUtcNow();
        // The reports' own reader and funnel: the graph's traffic is the funnel of the same period.
        var report = await new CallReportReader(data.Database).ReadAsync(to.AddDays(-Days), to, Active.Flow, ct);
        Calls = report.Calls;
        Traffic = report.Funnel.ToDictionary(s => s.NodeId, StringComparer.Ordinal);
        MaxEntered = report.Funnel.Count == 0 ? 0 : report.Funnel.Max(s => s.Entered);
    }
}
