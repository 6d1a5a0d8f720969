using Microsoft.AspNetCore.Authorization;
using VikaIvr.Data.Users;

namespace VikaIvr.Server.Web.Auth;

/// <summary>
/// Who may open what: operators keep the prompts, supervisors read calls and reports, admins do
/// everything (the flow and the accounts only they). Supervisors may listen to the prompts but not
/// change them.
/// </summary>
public static class ConsolePolicies
{
    public const string Prompts = "prompts";
    public const string PromptsEdit = "prompts-edit";
    public const string Calls = "calls";
    public const string Reports = "reports";
    public const string Flow = "flow";
    public const string Users = "users";
    public const string Audit = "audit";

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Prompts, p => p.RequireRole(ConsoleRoles.Operator, ConsoleRoles.Supervisor, ConsoleRoles.Admin));
        options.AddPolicy(PromptsEdit, p => p.RequireRole(ConsoleRoles.Operator, ConsoleRoles.Admin));
        options.AddPolicy(Calls, p => p.RequireRole(ConsoleRoles.Supervisor, ConsoleRoles.Admin));
        options.AddPolicy(Reports, p => p.RequireRole(ConsoleRoles.Supervisor, ConsoleRoles.Admin));
        options.AddPolicy(Flow, p => p.RequireRole(ConsoleRoles.Admin));
        options.AddPolicy(Users, p => p.RequireRole(ConsoleRoles.Admin));
        options.AddPolicy(Audit, p => p.RequireRole(ConsoleRoles.Admin));
    }
}
