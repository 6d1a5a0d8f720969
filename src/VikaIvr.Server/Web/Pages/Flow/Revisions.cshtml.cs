using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VikaIvr.Data.FlowRevisions;
using VikaIvr.Flows.Loading;
using VikaIvr.Server.Hosting.Serve;
using VikaIvr.Server.Web.Auth;

namespace VikaIvr.Server.Web.Pages.Flow;

/// <summary>
/// /flow/revisions (admins): every revision with who, when, from where and why, the active one
/// marked; one revision's text; activating an older revision again (a rollback), checked first.
/// </summary>
[Authorize(Policy = ConsolePolicies.Flow)]
public sealed class RevisionsModel(CallFlowsService flows) : PageModel
{
    public const int Shown = 200;

    public IReadOnlyList<FlowRevision> Revisions { get; private set; } = [];

    public long? ActiveId { get; private set; }

    /// <summary>The revision whose text is shown (?show=N).</summary>
    public FlowRevision? Text { get; private set; }

    [BindProperty(SupportsGet = true, Name = "show")]
    public long? Show { get; set; }

    [BindProperty(SupportsGet = true, Name = "activated")]
    public long? ActivatedRevision { get; set; }

    /// <summary>A rollback that was refused: the revision and its errors (none: there is no such revision).</summary>
    public long? RefusedRevision { get; private set; }

    public IReadOnlyList<FlowError> Errors { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostActivateAsync(long id, CancellationToken ct)
    {
        var result = await flows.Activator.ActivateAsync(id, User.Identity?.Name ?? "console", ct);
        if (result.Activated) return Redirect($"/flow/revisions?activated={id}");
        RefusedRevision = id;
        Errors = result.Errors;
        ActivatedRevision = null;
        await LoadAsync(ct);
        Response.StatusCode = result.Revision is null ? StatusCodes.Status404NotFound : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var store = flows.Activator.Store;
        Revisions = await store.ListAsync(Shown, ct);
        ActiveId = await store.GetActiveIdAsync(ct);
        if (Show is { } show) Text = await store.GetAsync(show, ct);
    }
}
