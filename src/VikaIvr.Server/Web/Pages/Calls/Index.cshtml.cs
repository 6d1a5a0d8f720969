using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VikaIvr.Data.CallRecords;
using VikaIvr.Server.Web.Auth;

namespace VikaIvr.Server.Web.Pages.Calls;

/// <summary>/calls: the call records newest first, filtered by the GET form, a page at a time.</summary>
[Authorize(Policy = ConsolePolicies.Calls)]
public sealed class IndexModel(ConsoleData data) : PageModel
{
    private CallRecordQueryStore Store => new(data.Database);

    [BindProperty(SupportsGet = true)]
    public CallsFilter Filter { get; set; } = new();

    public CallRecordQueryPage Results { get; private set; } = new([], null, null);

    public CallRecordQueryValues Values { get; private set; } = new([], [], []);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Results = await Store.QueryAsync(Filter.ToQuery(CallsFormat.Zone), ct);
        Values = await Store.GetValuesAsync(ct);
    }
}
