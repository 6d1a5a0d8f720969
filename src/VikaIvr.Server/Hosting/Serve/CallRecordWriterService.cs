using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VikaIvr.Data.CallRecords;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Server.Hosting.Serve;

/// <summary>
/// The call-record writer: started before the calls can start, stopped after they have all ended,
/// so its stop writes every record the calls handed over.
/// </summary>
public sealed class CallRecordWriterService(CallFlowsService flows, ILogger<BackgroundCallRecordWriter> log) : IHostedService
{
    private BackgroundCallRecordWriter? _writer;

    public ICallRecordStore Store => _writer ?? throw new InvalidOperationException("the call-record writer is used before it started (start order)");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writer = new BackgroundCallRecordWriter(new SqliteCallRecordStore(flows.Database), log);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_writer is not null)
        {
            // Stops taking records and writes the queued ones.
            await _writer.DisposeAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
