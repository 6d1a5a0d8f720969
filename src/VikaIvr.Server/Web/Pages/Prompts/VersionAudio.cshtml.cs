using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VikaIvr.Server.Web.Auth;
using VikaIvr.Server.Web.Prompts;

namespace VikaIvr.Server.Web.Pages.Prompts;

/// <summary>GET /prompts/{promptId}/versions/{version}/audio: one stored version's WAV file (a version never changes).</summary>
[Authorize(Policy = ConsolePolicies.Prompts)]
public sealed class VersionAudioModel(PromptsConsole prompts) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string promptId, int version, CancellationToken ct)
    {
        if (await prompts.Editor.VersionWavAsync(promptId, version, ct) is not { } wav) return NotFound();
        Response.Headers.CacheControl = "private, max-age=86400";
        return File(wav, "audio/wav");
    }
}
