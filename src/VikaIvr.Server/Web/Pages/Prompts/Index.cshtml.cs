using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VikaIvr.Server.Web.Auth;
using VikaIvr.Server.Web.Prompts;

namespace VikaIvr.Server.Web.Pages.Prompts;

/// <summary>/prompts: every prompt of the manifest with status, length, level, check findings and a player.</summary>
[Authorize(Policy = ConsolePolicies.Prompts)]
public sealed class IndexModel(PromptsConsole prompts) : PageModel
{
    public PromptsOverview Overview { get; private set; } = new([], []);

    public void OnGet() => Overview = prompts.Editor.List(prompts.UsedByFlow());
}
