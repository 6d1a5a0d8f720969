using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VikaIvr.Data;
using VikaIvr.Data.CallRecords;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Server.Hosting.Serve;

/// <summary>
/// The call-record writer: started before the calls can start, stopped after they have all ended,
/// so its stop writes every record the calls handed over. At start, this node's calls left
/// "in-progress" by a crash (kill -9, power loss) are marked "crash".
/// </summary>
public sealed partial class CallRecordWriterService(CallFlowsService flows, VikaServices services, DataMetrics metrics, ILoggerFactory loggers,
    ILogger<CallRecordWriterService> logger) : IHostedService
{
    private BackgroundCallRecordWriter? _writer;
    private DbCallRecordStore? _store;

    public ICallRecordStore Store => _writer ?? throw new InvalidOperationException("the call-record writer is used before it started (start order)");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var store = _store = new DbCallRecordStore(flows.Database, services.NodeId);
        try
        {
            int crashed = await store.MarkCrashedAsync(cancellationToken).ConfigureAwait(false);
            if (crashed > 0)
            {
                LogCrashed(crashed, store.NodeId);
            }
        }
        catch (DataStoreException ex)
        {
            LogCrashMarkFailed(store.NodeId, ex.Message);
        }

        _writer = new BackgroundCallRecordWriter(new MeteredCallRecordStore(store, metrics), loggers.CreateLogger<BackgroundCallRecordWriter>());
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_writer is not null)
        {
            // Stops taking records and writes the queued ones.
            await _writer.DisposeAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_store is not null)
        {
            // Closes the connection the records were written on.
            await _store.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "{Count} call(s) of node {NodeId} were cut by the previous stop (crash): their records are marked end_reason 'crash'")]
    private partial void LogCrashed(int count, string nodeId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "The calls of node {NodeId} cut by a crash could not be marked: {Cause}")]
    private partial void LogCrashMarkFailed(string nodeId, string cause);
}
