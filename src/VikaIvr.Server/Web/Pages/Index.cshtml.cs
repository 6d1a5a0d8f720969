using Microsoft.AspNetCore.Mvc.RazorPages;
using VikaIvr.Server.Hosting.Serve;
using VikaIvr.Server.Hosting.Service;

namespace VikaIvr.Server.Web.Pages;

/// <summary>/: the dashboard (every signed-in role).</summary>
public sealed class IndexModel(SipStackService sip, ServiceReadiness readiness) : PageModel
{
    public int ActiveCalls { get; private set; }

    public bool Ready { get; private set; }

    public string Reason { get; private set; } = "";

    public void OnGet()
    {
        ActiveCalls = sip.ActiveCalls;
        var current = readiness.Current;
        Ready = current.Ready;
        Reason = current.Reason;
    }
}
