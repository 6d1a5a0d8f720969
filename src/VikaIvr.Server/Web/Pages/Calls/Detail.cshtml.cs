using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VikaIvr.Data.CallRecords;
using VikaIvr.Flows.Ports;
using VikaIvr.Server.Web.Auth;

namespace VikaIvr.Server.Web.Pages.Calls;

/// <summary>/calls/{callId}: one call's path through the flow, its events as stored (masked), DTMF, speech and RTP figures.</summary>
[Authorize(Policy = ConsolePolicies.Calls)]
public sealed class DetailModel(ConsoleData data) : PageModel
{
    private CallRecordQueryStore Store => new(data.Database);

    /// <summary>The call; null when no record has its id (the page then says so, with status 404).</summary>
    public CallRecord? Record { get; private set; }

    public IReadOnlyList<CallPathStep> Path { get; private set; } = [];

    public IReadOnlyList<long> SpeechLatenciesMs { get; private set; } = [];

    /// <summary>The longest step, for the timeline bars' scale.</summary>
    public long LongestStepMs { get; private set; }

    public async Task<IActionResult> OnGetAsync(string callId, CancellationToken ct)
    {
        if (await Store.FindAsync(callId, ct) is not { } record)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Record = record;
        Path = CallPath.Build(record);
        SpeechLatenciesMs = CallFigures.SpeechLatenciesMs(record);
        LongestStepMs = Path.Count == 0 ? 0 : Path.Max(s => s.SpentMs ?? 0);
        return Page();
    }

    /// <summary>The step's bar width in percent of the longest step (at least a sliver, so short steps stay visible).</summary>
    public int BarPercent(CallPathStep step) =>
        LongestStepMs == 0 || step.SpentMs is not { } ms ? 0 : (int)Math.Max(2, Math.Round(100.0 * ms / LongestStepMs));
}
