using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace VikaIvr.Data.FlowRevisions;

/// <summary>
/// The flow_revisions table (SQLite or PostgreSQL): every revision of the call flow, and which one
/// is active — the one with the latest activated_at, so activating (or rolling back to) a revision is
/// one UPDATE every node sees on its next poll.
/// </summary>
public sealed class FlowRevisionStore(IDbConnectionFactory connections)
{
    private const string Columns = """
        id AS Id, created_at AS CreatedAt, author AS Author, source AS Source, comment AS Comment,
            content_hash AS ContentHash, activated_at AS ActivatedAt
        """;

    private const string Select = "SELECT " + Columns + ", yaml AS Yaml FROM flow_revisions";

    // Ties (two activations within one tick) go to the higher revision number, on every node alike.
    private const string ActiveOrder = " WHERE activated_at IS NOT NULL ORDER BY activated_at DESC, id DESC LIMIT 1";

    private readonly IDbConnectionFactory _connections = connections ?? throw new ArgumentNullException(nameof(connections));

    /// <summary>SHA-256 of the text's UTF-8 bytes, lower-case hex: the same text always gives the same hash.</summary>
    public static string Hash(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(yaml)));
    }

    /// <summary>Stores a new revision (not active yet); returns it with its number.</summary>
    public async Task<FlowRevision> AddAsync(string yaml, string author, string source, string? comment, DateTimeOffset createdAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentException.ThrowIfNullOrEmpty(author);
        ArgumentException.ThrowIfNullOrEmpty(source);
        var revision = new FlowRevision
        {
            CreatedAt = Time(createdAt),
            Author = author,
            Source = source,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            Yaml = yaml,
            ContentHash = Hash(yaml),
        };
        revision.Id = await RunAsync("Saving a flow revision", async connection =>
        {
            // The number is the next one (the table numbers its revisions itself, on both providers);
            // two saves at once: the primary key refuses the second, which takes the number after.
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    return await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
                        INSERT INTO flow_revisions (id, created_at, author, source, comment, yaml, content_hash)
                        SELECT COALESCE(MAX(id), 0) + 1, @CreatedAt, @Author, @Source, @Comment, @Yaml, @ContentHash FROM flow_revisions
                        RETURNING id
                        """, revision, cancellationToken: ct)).ConfigureAwait(false);
                }
                catch (System.Data.Common.DbException) when (attempt < 3)
                {
                }
            }
        }, ct).ConfigureAwait(false);
        return revision;
    }

    /// <summary>
    /// Makes the revision the active one from <paramref name="at"/> on; false when there is no such
    /// revision. A time not after the latest activation (the same instant, a node whose clock is
    /// behind) is moved just past it, so the revision activated last is always the active one.
    /// </summary>
    public async Task<bool> ActivateAsync(long id, DateTimeOffset at, CancellationToken ct)
    {
        int changed = await RunAsync("Activating a flow revision", async connection =>
        {
            string? latest = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT MAX(activated_at) FROM flow_revisions", cancellationToken: ct)).ConfigureAwait(false);
            if (latest is not null && DateTimeOffset.Parse(latest, CultureInfo.InvariantCulture) is var last && last >= at) at = last.AddTicks(1);
            return await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE flow_revisions SET activated_at = @at WHERE id = @id", new { id, at = Time(at) }, cancellationToken: ct)).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);
        return changed == 1;
    }

    /// <summary>The active revision with its text; null when none was ever activated.</summary>
    public Task<FlowRevision?> GetActiveAsync(CancellationToken ct) =>
        RunAsync("Reading the active flow revision", connection => connection.QuerySingleOrDefaultAsync<FlowRevision?>(
            new CommandDefinition(Select + ActiveOrder, cancellationToken: ct)), ct);

    /// <summary>The active revision's number only (the once-a-second poll reads no YAML).</summary>
    public Task<long?> GetActiveIdAsync(CancellationToken ct) =>
        RunAsync("Reading the active flow revision", connection => connection.ExecuteScalarAsync<long?>(
            new CommandDefinition("SELECT id FROM flow_revisions" + ActiveOrder, cancellationToken: ct)), ct);

    /// <summary>One revision with its text; null when there is no such revision.</summary>
    public Task<FlowRevision?> GetAsync(long id, CancellationToken ct) =>
        RunAsync("Reading a flow revision", connection => connection.QuerySingleOrDefaultAsync<FlowRevision?>(
            new CommandDefinition(Select + " WHERE id = @id", new { id }, cancellationToken: ct)), ct);

    /// <summary>The newest revision read from the flow file (source 'file'), with its text; null when none was.</summary>
    public Task<FlowRevision?> GetLatestFromFileAsync(CancellationToken ct) =>
        RunAsync("Reading a flow revision", connection => connection.QuerySingleOrDefaultAsync<FlowRevision?>(new CommandDefinition(
            Select + " WHERE source = @source ORDER BY id DESC LIMIT 1", new { source = FlowRevisionSources.File }, cancellationToken: ct)), ct);

    /// <summary>The newest revisions first, without their text (at most <paramref name="limit"/>).</summary>
    public async Task<IReadOnlyList<FlowRevision>> ListAsync(int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return [.. await RunAsync("Reading flow revisions", connection => connection.QueryAsync<FlowRevision>(new CommandDefinition(
            "SELECT " + Columns + " FROM flow_revisions ORDER BY id DESC LIMIT @limit", new { limit }, cancellationToken: ct)), ct).ConfigureAwait(false)];
    }

    private static string Time(DateTimeOffset at) => StoredTime.Text(at);

    private async Task<T> RunAsync<T>(string what, Func<System.Data.Common.DbConnection, Task<T>> query, CancellationToken ct)
    {
        try
        {
            await using var connection = await _connections.OpenAsync(ct).ConfigureAwait(false);
            return await query(connection).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DataStoreException)
        {
            throw new DataStoreException($"{what} failed: {ex.Message}", ex);
        }
    }
}
