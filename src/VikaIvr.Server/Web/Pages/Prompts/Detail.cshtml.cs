using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VikaIvr.Data;
using VikaIvr.Data.PromptVersions;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Web.Auth;
using VikaIvr.Server.Web.Prompts;
using VikaIvr.Server.Web.Text;
using VikaIvr.Speech.Prompts;

namespace VikaIvr.Server.Web.Pages.Prompts;

/// <summary>
/// /prompts/{promptId}: play it, upload a new version, its history with play and restore, and the number
/// to record it by phone. Viewing needs the Prompts policy; upload and restore PromptsEdit (checked in
/// each handler: Razor Pages take authorization per page, not per handler).
/// </summary>
[Authorize(Policy = ConsolePolicies.Prompts)]
// Above the import limit, so a file a little too big gets its reason from the importer instead of a bare 413.
[RequestSizeLimit(UploadCap)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadCap)]
public sealed class DetailModel(PromptsConsole prompts, IAuthorizationService authorization, IStringLocalizer<PromptsText> text) : PageModel
{
    /// <summary>What a request may carry at all: twice the largest file the importer takes.</summary>
    public const long UploadCap = 2 * PromptImportLimits.DefaultMaxBytes;

    public PromptOverview Prompt { get; private set; } = null!;

    public IReadOnlyList<PromptVersionInfo> History { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public OperatorLine Line => prompts.Line;

    public PromptImportLimits Limits => prompts.Editor.Limits;

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string promptId, int? uploaded, int? restored, int? version, CancellationToken ct)
    {
        if (!await LoadAsync(promptId, ct)) return NotFound();
        if (uploaded is { } u) Message = text["Uploaded", u];
        else if (restored is { } r && version is { } v) Message = text["Restored", r, v];
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(string promptId, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(promptId, ct)) return NotFound();
        if (!CanEdit) return Forbid();
        if (file is null || file.Length == 0) return Refused(text["NoFile"]);
        try
        {
            PromptAudioImport.CheckSize(file.Length, file.FileName, Limits);
            var bytes = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
            {
                await stream.ReadExactlyAsync(bytes, ct);
            }

            var change = await prompts.Editor.UploadAsync(promptId, bytes, file.FileName, PromptVersionSources.Console, Actor, ct);
            return Redirect($"/prompts/{Uri.EscapeDataString(promptId)}?uploaded={change.Version}");
        }
        catch (PromptAudioRejectedException ex)
        {
            return Refused(text[ex.Rejection switch
            {
                PromptAudioRejection.TooBig => "RejectTooBig",
                PromptAudioRejection.TooLong => "RejectTooLong",
                PromptAudioRejection.Silent => "RejectSilent",
                _ => "RejectNotWav",
            }, ex.Message]);
        }
        catch (DataStoreException ex)
        {
            return Refused(text["DatabaseFailed", ex.Message], StatusCodes.Status503ServiceUnavailable);
        }
    }

    public async Task<IActionResult> OnPostRestoreAsync(string promptId, int version, CancellationToken ct)
    {
        if (!await LoadAsync(promptId, ct)) return NotFound();
        if (!CanEdit) return Forbid();
        try
        {
            var change = await prompts.Editor.RestoreAsync(promptId, version, Actor, ct);
            return Redirect($"/prompts/{Uri.EscapeDataString(promptId)}?restored={version}&version={change.Version}");
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (DataStoreException ex)
        {
            return Refused(text["DatabaseFailed", ex.Message], StatusCodes.Status503ServiceUnavailable);
        }
    }

    private string Actor => User.Identity?.Name ?? "?";

    private async Task<bool> LoadAsync(string promptId, CancellationToken ct)
    {
        if (prompts.Editor.Find(promptId, prompts.UsedByFlow()) is not { } prompt) return false;
        Prompt = prompt;
        History = await prompts.Editor.HistoryAsync(promptId, ct);
        CanEdit = (await authorization.AuthorizeAsync(User, ConsolePolicies.PromptsEdit)).Succeeded;
        return true;
    }

    private PageResult Refused(string error, int status = StatusCodes.Status422UnprocessableEntity)
    {
        Error = error;
        Response.StatusCode = status;
        return Page();
    }
}
