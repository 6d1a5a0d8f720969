using System.Globalization;
using Dapper;

namespace VikaIvr.Data.PromptVersions;

/// <summary>
/// The prompt_versions table (SQLite or PostgreSQL): every new prompt version a node makes is added
/// here, and every node applies the versions it has not seen (by growing <see cref="PromptVersion.Id"/>).
/// </summary>
public sealed class PromptVersionStore(IDbConnectionFactory connections)
{
    private const string Select = """
        SELECT id AS Id, prompt_id AS PromptId, version AS Version, created_at AS CreatedAt, source AS Source,
            node_id AS NodeId, recorded_by AS RecordedBy, wav AS Wav
        FROM prompt_versions
        """;

    private readonly IDbConnectionFactory _connections = connections ?? throw new ArgumentNullException(nameof(connections));

    /// <summary>Adds the next version of the prompt; returns it with its id and version number.</summary>
    public async Task<PromptVersion> AddAsync(string promptId, byte[] wav, string source, string nodeId, string? recordedBy, DateTimeOffset createdAt, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(promptId);
        ArgumentNullException.ThrowIfNull(wav);
        var version = new PromptVersion
        {
            PromptId = promptId,
            Wav = wav,
            Source = source,
            NodeId = nodeId,
            RecordedBy = recordedBy,
            CreatedAt = createdAt.ToString("O", CultureInfo.InvariantCulture),
        };
        try
        {
            await using var connection = await _connections.OpenAsync(ct).ConfigureAwait(false);
            // Two nodes saving the same prompt at once: the unique (prompt_id, version) index refuses
            // the second number; it takes the next one.
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    var (id, number) = await connection.QuerySingleAsync<(long, int)>(new CommandDefinition("""
                        INSERT INTO prompt_versions (prompt_id, version, created_at, source, node_id, recorded_by, wav)
                        SELECT @PromptId, COALESCE(MAX(version), 0) + 1, @CreatedAt, @Source, @NodeId, @RecordedBy, @Wav
                        FROM prompt_versions WHERE prompt_id = @PromptId
                        RETURNING id, version
                        """, version, cancellationToken: ct)).ConfigureAwait(false);
                    version.Id = id;
                    version.Version = number;
                    return version;
                }
                catch (System.Data.Common.DbException) when (attempt < 3)
                {
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DataStoreException)
        {
            throw new DataStoreException($"Saving a version of prompt {promptId} failed: {ex.Message}", ex);
        }
    }

    /// <summary>The versions after <paramref name="afterId"/>, oldest first (at most <paramref name="limit"/>).</summary>
    public async Task<IReadOnlyList<PromptVersion>> GetAfterAsync(long afterId, int limit, CancellationToken ct)
    {
        try
        {
            await using var connection = await _connections.OpenAsync(ct).ConfigureAwait(false);
            return [.. await connection.QueryAsync<PromptVersion>(new CommandDefinition(
                Select + " WHERE id > @afterId ORDER BY id LIMIT @limit", new { afterId, limit }, cancellationToken: ct)).ConfigureAwait(false)];
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DataStoreException)
        {
            throw new DataStoreException($"Reading prompt versions failed: {ex.Message}", ex);
        }
    }

    /// <summary>The highest version id (0 when there is none).</summary>
    public async Task<long> LatestIdAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = await _connections.OpenAsync(ct).ConfigureAwait(false);
            return await connection.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT MAX(id) FROM prompt_versions", cancellationToken: ct)).ConfigureAwait(false) ?? 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DataStoreException)
        {
            throw new DataStoreException($"Reading prompt versions failed: {ex.Message}", ex);
        }
    }

    /// <summary>A prompt's versions, newest first, without their audio (at most <paramref name="limit"/>).</summary>
    public async Task<IReadOnlyList<PromptVersionInfo>> GetHistoryAsync(string promptId, int limit, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(promptId);
        try
        {
            await using var connection = await _connections.OpenAsync(ct).ConfigureAwait(false);
            return [.. await connection.QueryAsync<PromptVersionInfo>(new CommandDefinition("""
                SELECT id AS Id, prompt_id AS PromptId, version AS Version, created_at AS CreatedAt, source AS Source,
                    node_id AS NodeId, recorded_by AS RecordedBy, LENGTH(wav) AS Size
                FROM prompt_versions WHERE prompt_id = @promptId ORDER BY version DESC LIMIT @limit
                """, new { promptId, limit }, cancellationToken: ct)).ConfigureAwait(false)];
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DataStoreException)
        {
            throw new DataStoreException($"Reading the versions of prompt {promptId} failed: {ex.Message}", ex);
        }
    }

    /// <summary>One version of a prompt with its audio, or null when there is no such version.</summary>
    public async Task<PromptVersion?> GetAsync(string promptId, int version, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(promptId);
        try
        {
            await using var connection = await _connections.OpenAsync(ct).ConfigureAwait(false);
            return await connection.QuerySingleOrDefaultAsync<PromptVersion>(new CommandDefinition(
                Select + " WHERE prompt_id = @promptId AND version = @version", new { promptId, version }, cancellationToken: ct)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DataStoreException)
        {
            throw new DataStoreException($"Reading version {version} of prompt {promptId} failed: {ex.Message}", ex);
        }
    }
}
