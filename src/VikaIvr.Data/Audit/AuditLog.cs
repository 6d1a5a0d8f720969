using System.Globalization;
using Dapper;

namespace VikaIvr.Data.Audit;

/// <summary>
/// The audit_log table: every change made through the console or the CLI (a prompt version, a flow
/// activation, an account), with who and when. Append-only; nothing here updates or deletes a row.
/// The detail never carries personal data or a password.
/// </summary>
public sealed class AuditLog(IDbConnectionFactory connections, TimeProvider clock)
{
    private readonly IDbConnectionFactory _connections = connections ?? throw new ArgumentNullException(nameof(connections));
    private readonly TimeProvider _clock = clock ?? throw new ArgumentNullException(nameof(clock));

    public async Task AddAsync(string actor, string action, string subject, string? detail, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentNullException.ThrowIfNull(subject);
        var at = _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        try
        {
            await using var connection = await _connections.OpenAsync(ct).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (@at, @actor, @action, @subject, @detail)",
                new { at, actor, action, subject, detail }, cancellationToken: ct)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new DataStoreException($"Writing the audit log failed: {ex.Message}", ex);
        }
    }

    /// <summary>One page of entries, newest first: <paramref name="count"/> after skipping the newest <paramref name="skip"/>.</summary>
    public async Task<IReadOnlyList<AuditEntry>> GetPageAsync(int skip, int count, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        try
        {
            await using var connection = await _connections.OpenAsync(ct).ConfigureAwait(false);
            return [.. await connection.QueryAsync<AuditEntry>(new CommandDefinition(
                "SELECT id AS Id, at AS At, actor AS Actor, action AS Action, subject AS Subject, detail AS Detail FROM audit_log ORDER BY id DESC LIMIT @count OFFSET @skip",
                new { count, skip }, cancellationToken: ct)).ConfigureAwait(false)];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new DataStoreException($"Reading the audit log failed: {ex.Message}", ex);
        }
    }

    /// <summary>How many entries there are.</summary>
    public async Task<long> CountAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = await _connections.OpenAsync(ct).ConfigureAwait(false);
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM audit_log", cancellationToken: ct)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new DataStoreException($"Reading the audit log failed: {ex.Message}", ex);
        }
    }

    /// <summary>The newest <paramref name="count"/> entries, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> GetLatestAsync(int count, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        try
        {
            await using var connection = await _connections.OpenAsync(ct).ConfigureAwait(false);
            return [.. await connection.QueryAsync<AuditEntry>(new CommandDefinition(
                "SELECT id AS Id, at AS At, actor AS Actor, action AS Action, subject AS Subject, detail AS Detail FROM audit_log ORDER BY id DESC LIMIT @count",
                new { count }, cancellationToken: ct)).ConfigureAwait(false)];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new DataStoreException($"Reading the audit log failed: {ex.Message}", ex);
        }
    }
}
