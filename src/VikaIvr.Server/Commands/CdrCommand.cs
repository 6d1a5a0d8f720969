using System.CommandLine;
using VikaIvr.Data.CallRecords;
using VikaIvr.Server.Cli;
using VikaIvr.Server.Hosting;

namespace VikaIvr.Server.Commands;

/// <summary>`vika cdr [--last N] [--json]`: the newest call records, oldest first.</summary>
public sealed class CdrCommand(TextWriter output, TextWriter error) : IVikaCommand
{
    public string Name => "cdr";

    public Command Create()
    {
        var last = new Option<int>("--last") { HelpName = "N", Description = "how many records", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "one JSON object per line" };
        var settings = new CommandSettings(SettingOptions.Data());
        var command = new Command("cdr", "the newest call records, oldest first") { last, json };
        settings.AddTo(command);
        command.SetAction((result, ct) => CommandRunner.RunAsync(Name, error,
            () => RunAsync(settings.Read(result), result.GetValue(last), result.GetValue(json), ct)));
        return command;
    }

    public async Task<int> RunAsync(VikaSettings settings, int last, bool json, CancellationToken ct)
    {
        var db = await DataStore.OpenAsync(settings, TimeProvider.System, ct);
        var records = await new DbCallRecordStore(db, DataStore.NodeId(settings)).GetLastAsync(last, ct);
        if (json)
        {
            CallRecordJsonLines.Write(output, records);
            return 0;
        }
        foreach (var r in records)
        {
            output.WriteLine($"{r.StartedAt:yyyy-MM-dd HH:mm:ss} {r.CallId} on {r.NodeId ?? "-"} from {r.Caller} to {r.Called} codec {r.Codec ?? "-"} " +
                $"ended {r.EndReason} by {r.EndedBy} outcome {r.Outcome}");
            output.WriteLine($"    nodes: {string.Join(" > ", r.Nodes)}");
            if (r.Failures.Count > 0) output.WriteLine($"    failures: {string.Join("; ", r.Failures)}");
            output.WriteLine($"    dtmf: {string.Join(",", r.DtmfMethods)}  rtp sent {r.RtpPacketsSent} received {r.RtpPacketsReceived} lost {r.RtpPacketsLost} jitter {r.RtpJitterMs:0.0} ms");
        }
        return 0;
    }
}
