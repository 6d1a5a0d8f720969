namespace VikaIvr.Data.Users;

/// <summary>What a console account's name may be: 1 to 64 characters, no white space (it shows in the audit log and the cookie).</summary>
public static class ConsoleUserNames
{
    public const int MaxLength = 64;

    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= MaxLength } && !name.Any(char.IsWhiteSpace) && !name.Any(char.IsControl);
}
