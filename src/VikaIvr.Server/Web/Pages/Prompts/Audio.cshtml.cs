using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VikaIvr.Server.Web.Auth;
using VikaIvr.Server.Web.Prompts;

namespace VikaIvr.Server.Web.Pages.Prompts;

/// <summary>GET /prompts/{promptId}/audio: the WAV file this node plays now (never cached: a new version may replace it any time).</summary>
[Authorize(Policy = ConsolePolicies.Prompts)]
public sealed class AudioModel(PromptsConsole prompts) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string promptId, CancellationToken ct)
    {
        if (prompts.Editor.CurrentAudioPath(promptId) is not { } path) return NotFound();
        byte[] wav;
        try
        {
            wav = await System.IO.File.ReadAllBytesAsync(path, ct);
        }
        catch (FileNotFoundException)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(wav, "audio/wav");
    }
}
