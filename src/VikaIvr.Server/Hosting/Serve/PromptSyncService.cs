using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VikaIvr.Data;
using VikaIvr.Data.PromptVersions;
using VikaIvr.Media.Audio;

namespace VikaIvr.Server.Hosting.Serve;

/// <summary>
/// Keeps the prompt folder in step with the shared database, off every call: once a second it writes
/// the versions recorded on this node to prompt_versions, then applies the versions other nodes made
/// since its bookmark (the highest version id seen, kept in the data folder as prompt-versions.bookmark)
/// through the prompt library, so the prompt store plays them on the next call. With SQLite (one node)
/// it only writes, and only wakes when a recording is saved (or to retry a failed write): an idle
/// server does not query its own file every second. Each node needs its own prompt folder (and data
/// folder): the bookmark says what the folder has.
/// </summary>
public sealed partial class PromptSyncService(CallFlowsService flows, VikaServices services, TimeProvider clock, DataMetrics metrics, ILogger<PromptSyncService> log)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private const int Batch = 20;

    private readonly Queue<LocalPromptVersion> _unwritten = new();
    private bool _failing;

    public string BookmarkPath => Path.Combine(services.DataDirectory, "prompt-versions.bookmark");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var store = new PromptVersionStore(flows.Database);
        bool shared = !string.Equals(flows.Database.Provider, DataProviders.Sqlite, StringComparison.Ordinal);
        string node = services.NodeId;
        long bookmark = ReadBookmark();
        bool checkedBookmark = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (!checkedBookmark)
                    {
                        // A bookmark beyond the newest version: the database was replaced; start over.
                        if (bookmark > await store.LatestIdAsync(stoppingToken).ConfigureAwait(false)) bookmark = 0;
                        checkedBookmark = true;
                    }

                    await WriteMadeAsync(store, node, stoppingToken).ConfigureAwait(false);
                    if (shared) bookmark = await ApplyOthersAsync(store, node, bookmark, stoppingToken).ConfigureAwait(false);
                    _failing = false;
                }
                catch (DataStoreException ex)
                {
                    metrics.Error("prompt-version");
                    // One line per outage, not one per second.
                    if (!_failing) LogDatabaseFailed(ex.Message);
                    _failing = true;
                }

                if (shared || _unwritten.Count > 0) await Task.Delay(Interval, clock, stoppingToken).ConfigureAwait(false);
                else if (!await flows.Recorder.Made.WaitToReadAsync(stoppingToken).ConfigureAwait(false)) await Task.Delay(Interval, clock, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // A recording saved just before the stop still reaches the other nodes.
            using var last = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await WriteMadeAsync(store, node, last.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is DataStoreException or OperationCanceledException)
            {
                LogUnwrittenAtStop(_unwritten.Count, ex.Message);
            }
        }
    }

    private async Task WriteMadeAsync(PromptVersionStore store, string node, CancellationToken ct)
    {
        while (flows.Recorder.Made.TryRead(out var made)) _unwritten.Enqueue(made);
        while (_unwritten.TryPeek(out var next))
        {
            var written = await store.AddAsync(next.PromptId, next.Wav, next.Source, node, null, next.CreatedAt, ct).ConfigureAwait(false);
            _unwritten.Dequeue();
            flows.Recorder.MarkStored(next.PromptId, next.Wav, written.Version);
            LogWritten(written.PromptId, written.Version, written.Id);
        }
    }

    private async Task<long> ApplyOthersAsync(PromptVersionStore store, string node, long bookmark, CancellationToken ct)
    {
        var versions = await store.GetAfterAsync(bookmark, Batch, ct).ConfigureAwait(false);
        foreach (var v in versions)
        {
            if (!string.Equals(v.NodeId, node, StringComparison.Ordinal))
            {
                try
                {
                    if (flows.Recorder.Apply(v.PromptId, v.Wav, $"{v.Source} (node {v.NodeId})", v.Version))
                    {
                        // The next call on this node plays it, without waiting for the store's own look at the file.
                        flows.Prompts.Reload(v.PromptId);
                        LogApplied(v.PromptId, v.Version, v.NodeId);
                    }
                    else
                    {
                        LogUnknownPrompt(v.PromptId, v.NodeId);
                    }
                }
                catch (Exception ex) when (ex is WavFormatException or IOException or UnauthorizedAccessException)
                {
                    LogApplyFailed(v.PromptId, v.Version, ex.Message);
                }
            }

            bookmark = v.Id;
            WriteBookmark(bookmark);
        }

        return bookmark;
    }

    private long ReadBookmark()
    {
        try
        {
            return File.Exists(BookmarkPath) && long.TryParse(File.ReadAllText(BookmarkPath).Trim(), System.Globalization.CultureInfo.InvariantCulture, out long id) ? id : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private void WriteBookmark(long id)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(BookmarkPath)!);
        string temp = BookmarkPath + ".tmp";
        File.WriteAllText(temp, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        File.Move(temp, BookmarkPath, overwrite: true);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Prompt {PromptId} version {Version} written to the shared database (id {Id})")]
    private partial void LogWritten(string promptId, int version, long id);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Prompt {PromptId} version {Version} from node {NodeId} applied to the prompt folder")]
    private partial void LogApplied(string promptId, int version, string nodeId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Prompt {PromptId} from node {NodeId} is not in this node's manifest: skipped")]
    private partial void LogUnknownPrompt(string promptId, string nodeId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Prompt {PromptId} version {Version} could not be applied: {Cause}")]
    private partial void LogApplyFailed(string promptId, int version, string cause);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Prompt versions: the database is not available ({Cause}); retrying every second")]
    private partial void LogDatabaseFailed(string cause);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "{Count} prompt version(s) recorded here were not written to the database at the stop: {Cause}")]
    private partial void LogUnwrittenAtStop(int count, string cause);
}
