using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Data;
using VikaIvr.Data.Audit;
using VikaIvr.Data.PromptVersions;
using VikaIvr.Flows.Model;
using VikaIvr.Server.Cli;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Web.Prompts;
using VikaIvr.Speech.Prompts;

namespace VikaIvr.Server.Commands;

/// <summary>Shared set-up of the `vika prompts ...` commands.</summary>
internal static class PromptsContext
{
    public static (VikaServices Services, PromptLibrary Library) Open(VikaSettings settings, bool withEngine)
    {
        var services = VikaServices.Create(settings, TimeProvider.System, NullLoggerFactory.Instance);
        var engine = withEngine ? services.CreateEngine() : null;
        var library = new PromptLibrary(services.PromptsRoot, engine, services.Normalizer, TimeProvider.System, NullLogger<PromptLibrary>.Instance);
        return (services, library);
    }

    public static string Describe(PromptInfo p)
    {
        string status = p.Status switch
        {
            PromptStatus.Recorded => "recorded",
            PromptStatus.Synthesized => "synthesized placeholder",
            _ => "missing",
        };
        if (p.Levels is not { } l) return $"{p.Id,-20} {status}{(p.Error is null ? "" : " (" + p.Error + ")")}";
        return $"{p.Id,-20} {status,-24} {l.Duration.TotalSeconds,6:0.00} s  level {Db(l.ActiveLevelDbfs)} dBFS  peak {Db(l.PeakDbfs)} dBFS";
    }

    private static string Db(double v) => double.IsNegativeInfinity(v) ? "  -inf" : v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture).PadLeft(6);
}

/// <summary>`vika prompts list`.</summary>
public sealed class PromptsListCommand(TextWriter output, TextWriter error) : IVikaCommand
{
    public string Name => "prompts list";

    public Command Create()
    {
        var settings = new CommandSettings(SettingOptions.Prompts());
        var command = new Command("list", "every prompt with its status, length and level");
        settings.AddTo(command);
        command.SetAction((result, ct) => CommandRunner.RunAsync(Name, error, () => RunAsync(settings.Read(result))));
        return command;
    }

    public Task<int> RunAsync(VikaSettings settings)
    {
        var (_, library) = PromptsContext.Open(settings, withEngine: false);
        foreach (var p in library.List()) output.WriteLine(PromptsContext.Describe(p));
        return Task.FromResult(0);
    }
}

/// <summary>`vika prompts import ID FILE`: any supported WAV becomes the prompt's new version — in the
/// database's prompt_versions (so every node of a cluster plays it, and the console lists it) and in
/// this folder (the old one goes to history); the same rule as the console's upload (<see cref="PromptEditor"/>).</summary>
public sealed class PromptsImportCommand(TextWriter output, TextWriter error) : IVikaCommand
{
    public string Name => "prompts import";

    public Command Create()
    {
        var id = PositionalArgument.Create<string>("ID", "the prompt's id in the manifest");
        var file = PositionalArgument.Create<string>("FILE", "any supported WAV");
        var settings = new CommandSettings(SettingOptions.Prompts(), SettingOptions.Data());
        var command = new Command("import", "a WAV becomes the prompt's new version; the old one goes to history") { id, file };
        settings.AddTo(command);
        command.SetAction((result, ct) => CommandRunner.RunAsync(Name, error, () => RunAsync(settings.Read(result), result.GetValue(id)!, result.GetValue(file)!, ct)));
        return command;
    }

    public async Task<int> RunAsync(VikaSettings settings, string id, string file, CancellationToken ct)
    {
        var (services, library) = PromptsContext.Open(settings, withEngine: false);
        try
        {
            string path = Path.GetFullPath(file);
            // The size first: a huge file is refused before it is read.
            PromptAudioImport.CheckSize(new FileInfo(path).Length, path, library.ImportLimits);
            var bytes = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
            var db = await services.OpenDatabaseAsync(ct).ConfigureAwait(false);
            var editor = new PromptEditor(library, new PromptVersionStore(db), new AuditLog(db, TimeProvider.System), services.NodeId, static _ => { }, TimeProvider.System, NullLogger<PromptEditor>.Instance);
            var change = await editor.UploadAsync(id, bytes, path, PromptVersionSources.Import, "cli:" + Environment.UserName, ct).ConfigureAwait(false);
            output.WriteLine($"imported {PromptsContext.Describe(change.Prompt)}  version {change.Version}");
            return 0;
        }
        catch (Exception ex) when (ex is IOException or KeyNotFoundException or ArgumentException or PromptAudioRejectedException or DataStoreException)
        {
            error.WriteLine($"vika prompts import: {ex.Message}");
            return 1;
        }
    }
}

/// <summary>`vika prompts synth [--missing]`: placeholders from the manifest texts with the speech engine.</summary>
public sealed class PromptsSynthCommand(TextWriter output, TextWriter error) : IVikaCommand
{
    public string Name => "prompts synth";

    public Command Create()
    {
        var missingOption = new Option<bool>("--missing") { Description = "only prompts without audio" };
        var settings = new CommandSettings(SettingOptions.Prompts());
        var command = new Command("synth", "placeholders from the manifest texts with the speech engine") { missingOption };
        settings.AddTo(command);
        command.SetAction((result, ct) => CommandRunner.RunAsync(Name, error, () => RunAsync(settings.Read(result), result.GetValue(missingOption), ct)));
        return command;
    }

    public async Task<int> RunAsync(VikaSettings settings, bool missing, CancellationToken ct)
    {
        var (_, library) = PromptsContext.Open(settings, withEngine: true);
        try
        {
            var made = await library.SynthesizeAsync(missing, ct);
            foreach (var p in made) output.WriteLine("synthesized " + PromptsContext.Describe(p));
            output.WriteLine($"{made.Count} prompts synthesized");
            return 0;
        }
        catch (Flows.Ports.SpeechException ex)
        {
            error.WriteLine($"vika prompts synth: {ex.Message}");
            return 1;
        }
    }
}

/// <summary>`vika prompts check`: every prompt the flow uses exists and sounds sane.</summary>
public sealed class PromptsCheckCommand(TextWriter output, TextWriter error) : IVikaCommand
{
    public string Name => "prompts check";

    public Command Create()
    {
        var flow = SettingOptions.Flow();
        var settings = new CommandSettings(SettingOptions.Prompts(), flow);
        var command = new Command("check", "every prompt the flow uses exists and sounds sane");
        settings.AddTo(command);
        command.SetAction((result, ct) => CommandRunner.RunAsync(Name, error, () => RunAsync(settings.Read(result), flow.Read(result))));
        return command;
    }

    public Task<int> RunAsync(VikaSettings settings, string? flowFile)
    {
        var (services, library) = PromptsContext.Open(settings, withEngine: false);
        var (flow, errors) = services.LoadFlow(flowFile, null, VikaServices.ComponentNames(TimeProvider.System));
        var required = new HashSet<string>(StringComparer.Ordinal);
        if (flow is not null)
        {
            foreach (var node in flow.Nodes.Values)
                foreach (var p in node.Prompts()) required.Add(p.Name);
        }
        else
        {
            foreach (var e in errors) error.WriteLine(e);
        }
        var problems = library.Check(required);
        foreach (var p in problems) error.WriteLine(p);
        output.WriteLine($"prompts check: {required.Count} prompts used by the flow, {library.Manifest.Prompts.Count} in the manifest, {problems.Count} problems");
        return Task.FromResult(problems.Count == 0 && flow is not null ? 0 : 1);
    }
}
