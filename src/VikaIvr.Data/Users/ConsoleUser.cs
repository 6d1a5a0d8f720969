namespace VikaIvr.Data.Users;

/// <summary>A console account as stored in the users table (the password only as its hash).</summary>
public sealed class ConsoleUser
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    /// <summary>"operator", "supervisor" or "admin" (<see cref="ConsoleRoles"/>).</summary>
    public string Role { get; set; } = "";
    public string CreatedAt { get; set; } = "";
    public bool Disabled { get; set; }
}
