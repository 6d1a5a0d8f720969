namespace VikaIvr.Data.Users;

/// <summary>The console's roles: operators keep the prompts, supervisors read calls and reports, admins change the flow and the accounts.</summary>
public static class ConsoleRoles
{
    public const string Operator = "operator";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Operator, Supervisor, Admin];

    public static bool IsKnown(string? role) => role is Operator or Supervisor or Admin;
}
