using VikaIvr.Data.Users;

namespace VikaIvr.Interop.Tests.Web.ConsoleHarness;

/// <summary>A console account the fixture makes with `vika users add` before the server starts.</summary>
public sealed record ConsoleAccount(string Name, string Role, string Password)
{
    public static ConsoleAccount Operator { get; } = new("sari", ConsoleRoles.Operator, "rahasia-operator-1");

    public static ConsoleAccount Supervisor { get; } = new("wahyu", ConsoleRoles.Supervisor, "rahasia-supervisor-1");

    public static ConsoleAccount Admin { get; } = new("admin", ConsoleRoles.Admin, "rahasia-admin-1");

    /// <summary>One account per role.</summary>
    public static IReadOnlyList<ConsoleAccount> All { get; } = [Operator, Supervisor, Admin];

    /// <summary>The account of a role ("operator", "supervisor", "admin").</summary>
    public static ConsoleAccount For(string role) =>
        All.FirstOrDefault(a => a.Role == role) ?? throw new ArgumentException("no test account for role " + role, nameof(role));
}
