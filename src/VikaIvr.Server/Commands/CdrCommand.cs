using VikaIvr.Data.CallRecords;
using VikaIvr.Server.Cli;
using VikaIvr.Server.Hosting;

namespace VikaIvr.Server.Commands;

/// <summary>`vika cdr [--last N] [--json]`: the newest call records, oldest first.</summary>
public sealed class CdrCommand(TextWriter output) : IVikaCommand
{
    public string Name => "cdr";
    public string Usage => "cdr [--last N] [--json] [--data DIR]";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "json" };

    public async Task<int> RunAsync(CommandArgs args, CancellationToken ct)
    {
        var settings = SettingsLoader.Load(args);
        int last = args.GetInt("last") ?? 20;
        bool json = args.Has("json");
        args.EnsureAllRead();
        var db = await DataStore.OpenAsync(settings, TimeProvider.System, ct);
        var records = await new SqliteCallRecordStore(db).GetLastAsync(last, ct);
        if (json)
        {
            CallRecordJsonLines.Write(output, records);
            return 0;
        }
        foreach (var r in records)
        {
            output.WriteLine($"{r.StartedAt:yyyy-MM-dd HH:mm:ss} {r.CallId} from {r.Caller} to {r.Called} codec {r.Codec ?? "-"} " +
                $"ended {r.EndReason} by {r.EndedBy} outcome {r.Outcome}");
            output.WriteLine($"    nodes: {string.Join(" > ", r.Nodes)}");
            if (r.Failures.Count > 0) output.WriteLine($"    failures: {string.Join("; ", r.Failures)}");
            output.WriteLine($"    dtmf: {string.Join(",", r.DtmfMethods)}  rtp sent {r.RtpPacketsSent} received {r.RtpPacketsReceived} lost {r.RtpPacketsLost} jitter {r.RtpJitterMs:0.0} ms");
        }
        return 0;
    }
}
