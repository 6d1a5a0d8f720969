using System.Data.Common;

namespace VikaIvr.Data;

/// <summary>
/// A statement prepared once on an open connection, its parameter objects created once and only
/// their values set for each run: a statement run for every call costs its values and little more
/// (no command, parameter or statement text per run). Belongs to its connection (dispose it
/// before the connection); one user at a time.
/// </summary>
internal sealed class PreparedCommand : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;

    private PreparedCommand(DbCommand command, DbParameter[] parameters)
    {
        _command = command;
        _parameters = parameters;
    }

    public static async Task<PreparedCommand> PrepareAsync(DbConnection connection, StatementDefinition statement, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(statement);
        var command = connection.CreateCommand();
        try
        {
            command.CommandText = statement.Sql;
            var parameters = new DbParameter[statement.Parameters.Count];
            for (int i = 0; i < parameters.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = statement.Parameters[i].Name;
                parameter.DbType = statement.Parameters[i].Type;
                parameter.Value = DBNull.Value;
                command.Parameters.Add(parameter);
                parameters[i] = parameter;
            }

            await command.PrepareAsync(ct).ConfigureAwait(false);
            return new PreparedCommand(command, parameters);
        }
        catch
        {
            await command.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The value of the parameter at <paramref name="index"/> (the definition's order) for the next runs; null is SQL NULL.</summary>
    public void Set(int index, object? value) => _parameters[index].Value = value ?? DBNull.Value;

    /// <summary>Takes every value of <paramref name="other"/> (a statement with the same parameters).</summary>
    public void SetFrom(PreparedCommand other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (int i = 0; i < _parameters.Length; i++) _parameters[i].Value = other._parameters[i].Value;
    }

    /// <returns>The rows changed.</returns>
    public Task<int> ExecuteAsync(CancellationToken ct) => _command.ExecuteNonQueryAsync(ct);

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
