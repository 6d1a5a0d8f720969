using System.Data;

namespace VikaIvr.Data;

/// <summary>
/// A statement to prepare (<see cref="PreparedCommand"/>): its SQL and its parameters in order, each
/// named as the SQL writes it ("@CallId": with the prefix, so no driver has to try the prefixes in
/// turn) and typed, so the prepared types never change with the values.
/// </summary>
internal sealed class StatementDefinition(string sql, params (string Name, DbType Type)[] parameters)
{
    public string Sql { get; } = sql;

    public IReadOnlyList<(string Name, DbType Type)> Parameters { get; } = parameters;
}
