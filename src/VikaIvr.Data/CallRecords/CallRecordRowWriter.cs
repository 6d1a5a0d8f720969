using System.Data.Common;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Data.CallRecords;

/// <summary>
/// Writes the call_records rows of <see cref="DbCallRecordStore"/> on one connection kept open
/// between writes, with its statements (<see cref="CallRecordStatements"/>) prepared once on it:
/// a write costs its values, not a connection, a command and a statement. A write that fails
/// drops the connection, so the next write opens a new one (a database back from an outage is
/// written again). A connection left unused longer than the idle limit is dropped before the
/// next write too: a database file replaced or repaired while the writer was quiet is opened
/// afresh, as when every write opened it. One write at a time (a gate: the background writer's
/// single loop never waits at it).
/// </summary>
internal sealed class CallRecordRowWriter : IAsyncDisposable
{
    /// <summary>How long a connection may stay unused and still be written on.</summary>
    public static readonly TimeSpan DefaultIdleLimit = TimeSpan.FromSeconds(1);

    private readonly IDbConnectionFactory _connections;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _idleLimit;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DbConnection? _connection;
    private PreparedCommand? _open;
    private PreparedCommand? _complete;
    private PreparedCommand? _insert;
    private long _lastUsed;

    public CallRecordRowWriter(IDbConnectionFactory connections, TimeProvider clock, TimeSpan idleLimit)
    {
        _connections = connections ?? throw new ArgumentNullException(nameof(connections));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        ArgumentOutOfRangeException.ThrowIfLessThan(idleLimit, TimeSpan.Zero);
        _idleLimit = idleLimit;
    }

    /// <summary>Adds the call's in-progress row (<see cref="CallRecordStatements.SetOpen"/>).</summary>
    public async Task OpenAsync(CallRecord record, string nodeId, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await ConnectAsync(ct).ConfigureAwait(false);
            CallRecordStatements.SetOpen(_open!, record, nodeId);
            await ExecuteAsync(_open!, ct).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Completes the call's in-progress row with <paramref name="record"/>, or adds the row when the call has none.</summary>
    public async Task SaveAsync(CallRecord record, string nodeId, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await ConnectAsync(ct).ConfigureAwait(false);
            CallRecordStatements.SetRow(_complete!, record, nodeId);
            if (await ExecuteAsync(_complete!, ct).ConfigureAwait(false) == 0)
            {
                _insert!.SetFrom(_complete!);
                await ExecuteAsync(_insert, ct).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await DropAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async ValueTask<int> ExecuteAsync(PreparedCommand command, CancellationToken ct)
    {
        try
        {
            int changed = await command.ExecuteAsync(ct).ConfigureAwait(false);
            _lastUsed = _clock.GetTimestamp();
            return changed;
        }
        catch
        {
            await DropAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>An open connection with the statements prepared: the one kept, unless it has been idle too long.</summary>
    private async ValueTask ConnectAsync(CancellationToken ct)
    {
        if (_connection is not null && _clock.GetElapsedTime(_lastUsed) <= _idleLimit) return;
        await DropAsync().ConfigureAwait(false);
        try
        {
            _connection = await _connections.OpenAsync(ct).ConfigureAwait(false);
            _open = await PreparedCommand.PrepareAsync(_connection, CallRecordStatements.Open, ct).ConfigureAwait(false);
            _complete = await PreparedCommand.PrepareAsync(_connection, CallRecordStatements.Complete, ct).ConfigureAwait(false);
            _insert = await PreparedCommand.PrepareAsync(_connection, CallRecordStatements.Insert, ct).ConfigureAwait(false);
            _lastUsed = _clock.GetTimestamp();
        }
        catch
        {
            await DropAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Closes the connection kept (if any) with its statements; the next write opens a new one.</summary>
    private async ValueTask DropAsync()
    {
        PreparedCommand?[] commands = [_open, _complete, _insert];
        var connection = _connection;
        (_open, _complete, _insert, _connection) = (null, null, null, null);
        foreach (var command in commands)
        {
            if (command is not null) await command.DisposeAsync().ConfigureAwait(false);
        }

        if (connection is not null) await connection.DisposeAsync().ConfigureAwait(false);
    }
}
