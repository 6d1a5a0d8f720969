using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VikaIvr.Telephony.Calls;
using VikaIvr.Telephony.Media;

namespace VikaIvr.Server.Hosting.Serve;

/// <summary>
/// Every prompt decoded and encoded for each codec now, not by the first calls that play it; then
/// the start-up garbage (large decoding buffers) is collected before any call's audio runs, so it
/// cannot set off a full collection in the middle of the first calls.
/// </summary>
public sealed partial class PromptPreloadService(CallFlowsService flows, TelephonyOptions telephony, ILogger<PromptPreloadService> log) : IHostedService
{
    public EncodedClipCache Cache { get; } = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        int encodings = Cache.Warm(flows.Prompts.Preload(), telephony.Codecs);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        LogReady(encodings);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 20, Level = LogLevel.Debug, Message = "{Encodings} prompt encodings ready")]
    private partial void LogReady(int encodings);
}
