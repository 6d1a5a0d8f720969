using System.Data.Common;

namespace VikaIvr.Data;

/// <summary>
/// <see cref="PreparedCommand"/> through the driver (PostgreSQL): the command prepared once, its
/// parameter objects created once and only their values set for each run.
/// </summary>
internal sealed class DbPreparedCommand : PreparedCommand
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;

    private DbPreparedCommand(DbCommand command, DbParameter[] parameters)
    {
        _command = command;
        _parameters = parameters;
    }

    public static async Task<DbPreparedCommand> CreateAsync(DbConnection connection, StatementDefinition statement, CancellationToken ct)
    {
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
            return new DbPreparedCommand(command, parameters);
        }
        catch
        {
            await command.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override void Set(int index, object? value) => _parameters[index].Value = value ?? DBNull.Value;

    public override void SetTime(int index, DateTimeOffset? value) => Set(index, value is { } t ? StoredTime.Text(t) : null);

    public override void SetFrom(PreparedCommand other)
    {
        var from = (DbPreparedCommand)other;
        for (int i = 0; i < _parameters.Length; i++) _parameters[i].Value = from._parameters[i].Value;
    }

    public override Task<int> ExecuteAsync(CancellationToken ct) => _command.ExecuteNonQueryAsync(ct);

    public override ValueTask DisposeAsync() => _command.DisposeAsync();
}
