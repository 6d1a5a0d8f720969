using System.CommandLine;
using Microsoft.Extensions.Logging;
using VikaIvr.Data;
using VikaIvr.Data.CallRecords;
using VikaIvr.Flows.Runtime;
using VikaIvr.Flows.Scripting;
using VikaIvr.Server.Cli;
using VikaIvr.Server.Hosting;
using VikaIvr.Speech;

namespace VikaIvr.Server.Commands;

/// <summary>
/// `vika simulate SCRIPT...`: runs testers' DTMF call scripts against the configured flow, the real
/// participant repository (a SQLite file seeded for each script's clock) and the speech text, on a
/// virtual clock, without audio or network. With --target the scripts run as real calls instead.
/// </summary>
public sealed class SimulateCommand(TextWriter output, TextWriter error, Func<LiveScriptRequest, CancellationToken, Task<int>>? live = null) : IVikaCommand
{
    public string Name => "simulate";

    public Command Create()
    {
        var scriptFiles = PositionalArgument.Create<string[]>("SCRIPT", "call scripts (.vks)", ArgumentArity.ZeroOrMore);
        var junit = new Option<string>("--junit") { HelpName = "FILE", Description = "write a JUnit XML report" };
        var quiet = new Option<bool>("--quiet") { Description = "print only the failures and the summary" };
        var target = new Option<string>("--target") { HelpName = "sip:165@HOST:PORT", Description = "run the scripts as real calls to a running server" };
        var dtmf = new Option<string>("--dtmf") { HelpName = "rfc4733|info|inband", Description = "how --target sends keys", DefaultValueFactory = _ => "rfc4733" };
        var flow = SettingOptions.Flow();
        var settings = new CommandSettings(flow, SettingOptions.Prompts());
        var command = new Command("simulate", "tester's DTMF call scripts on a virtual clock, or as real calls with --target") { scriptFiles, junit, quiet, target, dtmf };
        settings.AddTo(command);
        command.SetAction((result, ct) => CommandRunner.RunAsync(Name, error, () => RunAsync(
            new SimulateArguments(settings.Read(result), result.GetValue(scriptFiles) ?? [], result.GetValue(junit), flow.Read(result),
                result.GetValue(quiet), result.GetValue(target), result.GetValue(dtmf)!), ct)));
        return command;
    }

    public async Task<int> RunAsync(SimulateArguments args, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = args.Settings;
        string? junit = args.JUnit;
        string? flowFile = args.FlowFile;
        bool quiet = args.Quiet;
        string? target = args.Target;
        string dtmf = args.Dtmf;
        var scripts = args.Scripts.Select(Path.GetFullPath).ToList();
        if (scripts.Count == 0) throw new CliException("give at least one script");
        foreach (var s in scripts)
            if (!File.Exists(s)) throw new CliException($"script not found: {s}");

        if (target is not null)
        {
            if (live is null) throw new CliException("--target is not available in this build");
            return await live(new LiveScriptRequest(settings, scripts, target, dtmf, junit, quiet), ct);
        }

        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(o => o.SingleLine = true));
        var services = VikaServices.Create(settings, TimeProvider.System, loggers);
        var prompts = services.OpenPrompts();
        var (flow, errors) = services.LoadFlow(flowFile, prompts, VikaServices.ComponentNames(TimeProvider.System));
        if (flow is null)
        {
            foreach (var e in errors) error.WriteLine(e);
            return 1;
        }

        // A private database: the demo rows are re-seeded for each script's clock, so bills always
        // match the script's "current month"; the configured database is never touched.
        string dataDir = Path.Combine(Path.GetTempPath(), "vika-simulate-" + Environment.ProcessId);
        Directory.CreateDirectory(dataDir);
        try
        {
            // The operator line runs on a fixed simulation PIN with in-memory saves: scripts never
            // hold the real PIN and never touch prompts/.
            var op = OperatorSimulation.Load(services, prompts);
            if (op.Flow is null)
            {
                foreach (var e in op.Errors) error.WriteLine(e);
                return 1;
            }
            var db = new SqliteDatabase(new SqliteDatabaseOptions { DataDirectory = dataDir, Pooling = false });
            var runner = new ScriptRunner(called => op.FlowFor(called, flow), new ScriptRunnerOptions
            {
                StartTimeSource = TimeProvider.System,
                Prompts = prompts,
                Speech = new TextOnlySpeech(services.Normalizer),
                Components = async (clock, token) =>
                {
                    await db.InitializeAsync(clock, token);
                    return VikaServices.Components(db, clock).With(op.Components);
                },
                Records = new DbCallRecordStore(db, "simulate"),
                VariableOverrides = services.FlowVariableOverrides(),
                LoggerFactory = loggers,
            });
            var results = await runner.RunFilesAsync(scripts, ct);
            int failed = 0;
            foreach (var r in results)
            {
                if (!r.Passed) failed++;
                if (!quiet || !r.Passed) output.WriteLine(r.Format());
            }
            output.WriteLine($"simulate: {results.Count - failed} passed, {failed} failed");
            if (junit is not null) JUnitReport.Write(Path.GetFullPath(junit), results);
            return failed == 0 ? 0 : 1;
        }
        finally
        {
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
    }
}

/// <summary>What `simulate --target` hands to the live script runner.</summary>
public sealed record LiveScriptRequest(VikaSettings Settings, IReadOnlyList<string> Scripts, string Target, string DtmfMode, string? JUnitPath, bool Quiet);
