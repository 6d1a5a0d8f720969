using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace VikaIvr.Data;

/// <summary>
/// <see cref="PreparedCommand"/> on SQLite's own statement: prepared once, its parameters found by
/// name once, and each run binds by position — text encoded into one reused buffer and copied by
/// SQLite, a time written as <see cref="StoredTime"/> text into a stack buffer, numbers unboxed — then steps once. Microsoft.Data.Sqlite
/// would make a reader, a binder per parameter and the UTF-8 bytes of every name and value for each
/// run. Waits on a busy database as the connection's command timeout says (SQLite's busy timeout,
/// as Microsoft.Data.Sqlite retries for its own commands); failures throw <see cref="SqliteException"/>.
/// </summary>
internal sealed class SqlitePreparedCommand : PreparedCommand
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly int[] _indexes;
    private readonly object?[] _values;
    private readonly DateTimeOffset?[] _times;
    private readonly long[] _integers;
    private readonly double[] _reals;
    private readonly Kind[] _kinds;
    private byte[] _text = new byte[256];

    private SqlitePreparedCommand(SqliteConnection connection, sqlite3 db, sqlite3_stmt statement, int[] indexes)
    {
        _connection = connection;
        _db = db;
        _statement = statement;
        _indexes = indexes;
        _values = new object?[indexes.Length];
        _times = new DateTimeOffset?[indexes.Length];
        _integers = new long[indexes.Length];
        _reals = new double[indexes.Length];
        _kinds = new Kind[indexes.Length];
    }

    /// <summary>Where a parameter's value is held: no box for a number, no string for a time.</summary>
    private enum Kind : byte
    {
        Value,
        Time,
        Integer,
        Real,
    }

    public static SqlitePreparedCommand Create(SqliteConnection connection, StatementDefinition statement)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
        Check(raw.sqlite3_busy_timeout(db, checked(connection.DefaultTimeout * 1000)), db);
        Check(raw.sqlite3_prepare_v2(db, statement.Sql, out var prepared), db);
        try
        {
            var indexes = new int[statement.Parameters.Count];
            for (int i = 0; i < indexes.Length; i++)
            {
                indexes[i] = raw.sqlite3_bind_parameter_index(prepared, statement.Parameters[i].Name);
                if (indexes[i] == 0)
                {
                    throw new InvalidOperationException($"the statement has no parameter {statement.Parameters[i].Name}");
                }
            }

            return new SqlitePreparedCommand(connection, db, prepared, indexes);
        }
        catch
        {
            prepared.Dispose();
            throw;
        }
    }

    public override void Set(int index, object? value)
    {
        _values[index] = value is DBNull ? null : value;
        _kinds[index] = Kind.Value;
    }

    public override void Set(int index, long value)
    {
        _values[index] = null;
        _integers[index] = value;
        _kinds[index] = Kind.Integer;
    }

    public override void Set(int index, double value)
    {
        _values[index] = null;
        _reals[index] = value;
        _kinds[index] = Kind.Real;
    }

    public override void SetTime(int index, DateTimeOffset? value)
    {
        _values[index] = null;
        _times[index] = value;
        _kinds[index] = Kind.Time;
    }

    public override void SetFrom(PreparedCommand other)
    {
        var from = (SqlitePreparedCommand)other;
        Array.Copy(from._values, _values, _values.Length);
        Array.Copy(from._times, _times, _times.Length);
        Array.Copy(from._integers, _integers, _integers.Length);
        Array.Copy(from._reals, _reals, _reals.Length);
        Array.Copy(from._kinds, _kinds, _kinds.Length);
    }

    public override Task<int> ExecuteAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        // As a command of the connection would: a connection closed under the statement (its handle
        // back in the pool, or gone) is a failed write, and the writer opens a new one.
        if (_connection.State != System.Data.ConnectionState.Open || !ReferenceEquals(_connection.Handle, _db))
        {
            throw new InvalidOperationException("the SQLite connection of this statement is no longer open");
        }

        // Its code is the last run's, already thrown (the writer drops the connection after a failure).
        raw.sqlite3_reset(_statement);
        for (int i = 0; i < _indexes.Length; i++)
        {
            Check(Bind(i), _db);
        }

        int rc = raw.sqlite3_step(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            raw.sqlite3_reset(_statement);
            SqliteException.ThrowExceptionForRC(rc == raw.SQLITE_ROW ? raw.SQLITE_MISUSE : rc, _db);
        }

        int changed = raw.sqlite3_changes(_db);
        // Ends the statement now (not at the next run), so it holds no read snapshot in between.
        raw.sqlite3_reset(_statement);
        return Task.FromResult(changed);
    }

    public override ValueTask DisposeAsync()
    {
        _statement.Dispose();
        return ValueTask.CompletedTask;
    }

    private int Bind(int i)
    {
        int index = _indexes[i];
        switch (_kinds[i])
        {
            case Kind.Integer:
                return raw.sqlite3_bind_int64(_statement, index, _integers[i]);
            case Kind.Real:
                return raw.sqlite3_bind_double(_statement, index, _reals[i]);
            case Kind.Time when _times[i] is { } time:
                Span<byte> text = stackalloc byte[StoredTime.MaxUtf8Length];
                return raw.sqlite3_bind_text(_statement, index, text[..StoredTime.WriteUtf8(time, text)]);
            case Kind.Time:
                return raw.sqlite3_bind_null(_statement, index);
        }

        return _values[i] switch
        {
            null => raw.sqlite3_bind_null(_statement, index),
            string text => BindText(index, text),
            long number => raw.sqlite3_bind_int64(_statement, index, number),
            int number => raw.sqlite3_bind_int64(_statement, index, number),
            double number => raw.sqlite3_bind_double(_statement, index, number),
            var other => throw new NotSupportedException($"a {other.GetType().Name} value"),
        };
    }

    private int BindText(int index, string text)
    {
        if (text.Length == 0)
        {
            // An empty span would bind NULL (no pointer); a zero-terminated empty string binds ''.
            return raw.sqlite3_bind_text(_statement, index, utf8z.FromSpan("\0"u8));
        }

        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_text.Length < max)
        {
            _text = new byte[Math.Max(max, _text.Length * 2)];
        }

        int length = Encoding.UTF8.GetBytes(text, _text);
        return raw.sqlite3_bind_text(_statement, index, _text.AsSpan(0, length));
    }

    private static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }
}
