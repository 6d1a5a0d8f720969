using Microsoft.AspNetCore.Identity;
using VikaIvr.Data.Users;

namespace VikaIvr.Server.Web.Auth;

/// <summary>
/// Passwords, hashed and checked by ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>
/// (PBKDF2 with a salt per hash). The clear password lives only in the request that carries it.
/// </summary>
public sealed class ConsolePasswords
{
    /// <summary>Shorter passwords are refused when an account is made.</summary>
    public const int MinLength = 8;

    private readonly PasswordHasher<ConsoleUser> _hasher = new();

    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length < MinLength) throw new ArgumentException($"a password needs at least {MinLength} characters", nameof(password));
        return _hasher.HashPassword(new ConsoleUser(), password);
    }

    /// <summary>True when the password matches the stored hash.</summary>
    public bool Verify(ConsoleUser user, string password)
    {
        ArgumentNullException.ThrowIfNull(user);
        return password is { Length: > 0 }
            && _hasher.VerifyHashedPassword(user, user.PasswordHash, password) is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;
    }
}
