using System.Globalization;
using Dapper;

namespace VikaIvr.Data.Users;

/// <summary>
/// The users table (SQLite or PostgreSQL). It stores what it is given: hashing the password is the
/// caller's job (ASP.NET Core Identity's PasswordHasher in the server), so no clear password ever
/// reaches this layer.
/// </summary>
public sealed class UserStore(IDbConnectionFactory connections)
{
    private const string Select = """
        SELECT id AS Id, name AS Name, password_hash AS PasswordHash, role AS Role, created_at AS CreatedAt,
            disabled AS Disabled
        FROM users
        """;

    private readonly IDbConnectionFactory _connections = connections ?? throw new ArgumentNullException(nameof(connections));

    /// <summary>Adds the account, or replaces the hash and role of an existing one with that name.</summary>
    /// <returns>True when the account is new.</returns>
    public async Task<bool> AddOrUpdateAsync(string name, string passwordHash, string role, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        if (!ConsoleRoles.IsKnown(role)) throw new ArgumentException($"unknown role '{role}'", nameof(role));
        return await RunAsync($"Saving user {name}", async connection =>
        {
            int updated = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE users SET password_hash = @passwordHash, role = @role, disabled = 0 WHERE name = @name",
                new { name, passwordHash, role }, cancellationToken: ct)).ConfigureAwait(false);
            if (updated > 0) return false;
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO users (name, password_hash, role, created_at, disabled) VALUES (@name, @passwordHash, @role, @createdAt, 0)",
                new { name, passwordHash, role, createdAt = now.ToString("O", CultureInfo.InvariantCulture) }, cancellationToken: ct)).ConfigureAwait(false);
            return true;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>Adds a new account; false (and nothing changed) when the name is taken.</summary>
    public Task<bool> AddAsync(string name, string passwordHash, string role, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        if (!ConsoleRoles.IsKnown(role)) throw new ArgumentException($"unknown role '{role}'", nameof(role));
        return RunAsync($"Adding user {name}", async connection =>
        {
            // Insert-if-absent in one statement, so two admins adding the same name cannot both win.
            int inserted = await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO users (name, password_hash, role, created_at, disabled)
                SELECT @name, @passwordHash, @role, @createdAt, 0
                WHERE NOT EXISTS (SELECT 1 FROM users WHERE name = @name)
                """,
                new { name, passwordHash, role, createdAt = now.ToString("O", CultureInfo.InvariantCulture) }, cancellationToken: ct)).ConfigureAwait(false);
            return inserted > 0;
        }, ct);
    }

    /// <summary>Gives an account another role; false when there is none with that name.</summary>
    public Task<bool> SetRoleAsync(string name, string role, CancellationToken ct)
    {
        if (!ConsoleRoles.IsKnown(role)) throw new ArgumentException($"unknown role '{role}'", nameof(role));
        return RunAsync("Saving a user", async connection => await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET role = @role WHERE name = @name", new { name, role }, cancellationToken: ct)).ConfigureAwait(false) > 0, ct);
    }

    /// <summary>The account with that name (exact), or null.</summary>
    public Task<ConsoleUser?> FindAsync(string name, CancellationToken ct) =>
        RunAsync("Reading a user", async connection => await connection.QuerySingleOrDefaultAsync<ConsoleUser>(
            new CommandDefinition(Select + " WHERE name = @name", new { name }, cancellationToken: ct)).ConfigureAwait(false), ct);

    /// <summary>Every account, by name.</summary>
    public Task<IReadOnlyList<ConsoleUser>> ListAsync(CancellationToken ct) =>
        RunAsync<IReadOnlyList<ConsoleUser>>("Reading users", async connection => [.. await connection.QueryAsync<ConsoleUser>(
            new CommandDefinition(Select + " ORDER BY name", cancellationToken: ct)).ConfigureAwait(false)], ct);

    /// <summary>Disables or enables an account; false when there is none with that name.</summary>
    public Task<bool> SetDisabledAsync(string name, bool disabled, CancellationToken ct) =>
        RunAsync("Saving a user", async connection => await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET disabled = @d WHERE name = @name", new { name, d = disabled ? 1 : 0 }, cancellationToken: ct)).ConfigureAwait(false) > 0, ct);

    private async Task<T> RunAsync<T>(string what, Func<System.Data.Common.DbConnection, Task<T>> work, CancellationToken ct)
    {
        try
        {
            await using var connection = await _connections.OpenAsync(ct).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DataStoreException and not ArgumentException)
        {
            throw new DataStoreException($"{what} failed: {ex.Message}", ex);
        }
    }
}
