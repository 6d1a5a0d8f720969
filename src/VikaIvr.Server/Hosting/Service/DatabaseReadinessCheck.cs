using VikaIvr.Data;
using VikaIvr.Server.Hosting.Serve;

namespace VikaIvr.Server.Hosting.Service;

/// <summary>
/// The database answers: a connection opens (the SQLite store never creates its file on open, so
/// a file removed or unreadable fails here) and a trivial query runs.
/// </summary>
public sealed class DatabaseReadinessCheck(CallFlowsService flows) : IReadinessCheck
{
    public string Name => "database";

    public async Task<string?> ProblemAsync(CancellationToken ct)
    {
        IDbConnectionFactory database = flows.Database;
        try
        {
            await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return ex.Message.ReplaceLineEndings(" ");
        }
    }
}
