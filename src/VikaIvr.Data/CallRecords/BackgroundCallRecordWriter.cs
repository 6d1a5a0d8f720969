using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Data.CallRecords;

/// <summary>
/// Puts call-record writes behind a bounded queue drained by one writer task, so ending a call
/// never waits for the database. <see cref="SaveAsync"/> completes at once; when the queue is
/// full the record is dropped and counted rather than stalling a call. A record handed over
/// belongs to the writer (do not change it afterwards). Records still queued are not yet
/// visible to <see cref="GetLastAsync"/>; <see cref="FlushAsync"/> waits for them.
/// <see cref="OpenAsync"/> queues the record with its node and times as handed over (the call
/// goes on changing the record; see <see cref="QueuedCallRecord"/>); opens and saves are written
/// in the order they were handed over. Nothing is allocated per record queued.
/// Crash window: what is still queued at a kill -9 is lost — an open row not yet completed
/// shows as "crash" at the next start, a call never opened has no row.
/// </summary>
public sealed partial class BackgroundCallRecordWriter : ICallRecordStore, IAsyncDisposable
{
    public const int DefaultCapacity = 4096;

    private readonly ICallRecordStore _inner;
    private readonly ILogger<BackgroundCallRecordWriter> _logger;
    private readonly Channel<QueuedCallRecord> _queue;
    private readonly Task _writer;
    private long _dropped;
    private long _failed;
    private long _written;

    public BackgroundCallRecordWriter(ICallRecordStore inner, ILogger<BackgroundCallRecordWriter> logger, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _queue = Channel.CreateBounded<QueuedCallRecord>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _writer = Task.Run(DrainAsync);
    }

    /// <summary>Records dropped because the queue was full or already closed.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Records the inner store refused (each logged).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    public long Written => Interlocked.Read(ref _written);

    public Task OpenAsync(CallRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!_queue.Writer.TryWrite(QueuedCallRecord.Open(record)))
        {
            Interlocked.Increment(ref _dropped);
            LogDropped(record.CallId);
        }
        return Task.CompletedTask;
    }

    public Task SaveAsync(CallRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!_queue.Writer.TryWrite(QueuedCallRecord.Save(record)))
        {
            Interlocked.Increment(ref _dropped);
            LogDropped(record.CallId);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CallRecord>> GetLastAsync(int count, CancellationToken ct) => _inner.GetLastAsync(count, ct);

    /// <summary>Completes once every record queued before the call has been written (or has failed).</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync(QueuedCallRecord.FlushMarker(done), ct).ConfigureAwait(false);
        await done.Task.WaitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Stops taking records and writes what is queued.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private async Task DrainAsync()
    {
        await foreach (var item in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (item.Flush is { } flush)
            {
                flush.TrySetResult();
                continue;
            }

            var record = item.Record!;
            try
            {
                if (item.IsOpen)
                {
                    await _inner.OpenAsync(item.Opened(), CancellationToken.None).ConfigureAwait(false);
                }
                else
                {
                    await _inner.SaveAsync(record, CancellationToken.None).ConfigureAwait(false);
                    Interlocked.Increment(ref _written);
                }
            }
            catch (Exception ex)
            {
                Interlocked.Increment(ref _failed);
                LogFailed(ex, record.CallId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call record {CallId} dropped: the record queue is full or closed")]
    private partial void LogDropped(string callId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call record {CallId} could not be stored")]
    private partial void LogFailed(Exception exception, string callId);
}
