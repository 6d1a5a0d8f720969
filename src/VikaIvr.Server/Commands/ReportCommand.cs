using System.CommandLine;
using VikaIvr.Data.FlowRevisions;
using VikaIvr.Data.Reports;
using VikaIvr.Flows.Loading;
using VikaIvr.Flows.Model;
using VikaIvr.Server.Cli;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Hosting.Flows;

namespace VikaIvr.Server.Commands;

/// <summary>
/// `vika report [--from T] [--to T] [--format text|json|csv]`: the figures of the calls that started
/// in the period (the same <see cref="CallReportBuilder"/> as the console's reports page). Default
/// period: the last 24 hours up to the end of the current hour (server's time zone).
/// </summary>
public sealed class ReportCommand(TextWriter output, TextWriter error, TimeProvider clock) : IVikaCommand
{
    private static readonly string[] Formats = ["text", "json", "csv"];

    public ReportCommand(TextWriter output, TextWriter error)
        : this(output, error, TimeProvider.System)
    {
    }

    public string Name => "report";

    public Command Create()
    {
        var from = new Option<string>("--from") { HelpName = "T", Description = "start of the period, ISO 8601 (2026-12-05 or 2026-12-05T08:00:00+07:00; no offset: server time zone)" };
        var to = new Option<string>("--to") { HelpName = "T", Description = "end of the period, exclusive (default: 24 h after --from, or the end of the current hour)" };
        var format = new Option<string>("--format") { HelpName = "text|json|csv", Description = "text for people, json or csv for scripts", DefaultValueFactory = _ => "text" };
        format.Validators.Add(result =>
        {
            string? value = result.GetValueOrDefault<string>();
            if (!Formats.Contains(value, StringComparer.Ordinal)) result.AddError($"--format needs text, json or csv, not '{value}'");
        });
        var flowFile = SettingOptions.Flow();
        var settings = new CommandSettings(SettingOptions.Data(), flowFile);
        var command = new Command("report", "call figures of a period: funnel, containment, transfers, abandonment, handle time, calls per hour, DTMF") { from, to, format };
        settings.AddTo(command);
        command.SetAction((result, ct) => CommandRunner.RunAsync(Name, error,
            () => RunAsync(settings.Read(result), result.GetValue(from), result.GetValue(to), result.GetValue(format) ?? "text", ct,
                flowFromFile: flowFile.Read(result) is not null)));
        return command;
    }

    /// <param name="flowFromFile">--flow was given: its file orders the funnel, not the active revision.</param>
    public async Task<int> RunAsync(VikaSettings settings, string? from, string? to, string format, CancellationToken ct, bool flowFromFile = false)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var period = ReportPeriod.Resolve(from, to, clock.GetUtcNow(), clock.LocalTimeZone, out var problem);
        if (problem is not null) throw new CliException(problem);

        var db = await DataStore.OpenAsync(settings, clock, ct).ConfigureAwait(false);
        var flow = LoadFlow(settings, flowFromFile ? null : await new FlowRevisionStore(db).GetActiveAsync(ct).ConfigureAwait(false));
        var report = await new CallReportReader(db).ReadAsync(period.From, period.To, flow, ct).ConfigureAwait(false);
        switch (format)
        {
            case "json":
                output.WriteLine(CallReportJson.Format(report));
                break;
            case "csv":
                CallReportCsv.Write(output, report);
                break;
            default:
                CallReportText.Write(output, report);
                break;
        }

        return 0;
    }

    /// <summary>
    /// The active revision orders the funnel, as on the console's reports page (the flow file when none
    /// is stored yet); a flow that does not load only loses the order (said on stderr).
    /// </summary>
    private FlowDefinition? LoadFlow(VikaSettings settings, FlowRevision? active)
    {
        string file = settings.Resolve(settings.Flow.File);
        string name = active is null ? file : FlowRevisionCheck.NameOf(active.Id);
        var (flow, errors) = active is null ? FlowLoader.TryLoad(file, FlowCheckContext.None) : FlowLoader.TryParse(active.Yaml, file, FlowCheckContext.None);
        if (flow is null || errors.Count > 0)
        {
            error.WriteLine($"vika report: the flow ({name}) did not load ({errors.Count} errors): the funnel is ordered by traffic");
            return null;
        }

        return flow;
    }
}
