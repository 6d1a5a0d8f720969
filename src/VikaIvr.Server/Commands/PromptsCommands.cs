using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Flows.Model;
using VikaIvr.Server.Cli;
using VikaIvr.Server.Hosting;
using VikaIvr.Speech.Prompts;

namespace VikaIvr.Server.Commands;

/// <summary>Shared set-up of the `vika prompts ...` commands.</summary>
internal static class PromptsContext
{
    public static (VikaServices Services, PromptLibrary Library) Open(CommandArgs args, bool withEngine)
    {
        var settings = SettingsLoader.Load(args);
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
public sealed class PromptsListCommand(TextWriter output) : IVikaCommand
{
    public string Name => "prompts list";
    public string Usage => "prompts list [--prompts DIR]";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    public Task<int> RunAsync(CommandArgs args, CancellationToken ct)
    {
        var (_, library) = PromptsContext.Open(args, withEngine: false);
        args.EnsureAllRead();
        foreach (var p in library.List()) output.WriteLine(PromptsContext.Describe(p));
        return Task.FromResult(0);
    }
}

/// <summary>`vika prompts import ID FILE`: any supported WAV becomes the prompt's new version; the old one goes to history.</summary>
public sealed class PromptsImportCommand(TextWriter output, TextWriter error) : IVikaCommand
{
    public string Name => "prompts import";
    public string Usage => "prompts import ID FILE [--prompts DIR]";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    public Task<int> RunAsync(CommandArgs args, CancellationToken ct)
    {
        string id = args.Require(0, "ID");
        string file = args.Require(1, "FILE");
        var (_, library) = PromptsContext.Open(args, withEngine: false);
        args.EnsureAllRead();
        try
        {
            var info = library.Import(id, Path.GetFullPath(file));
            output.WriteLine("imported " + PromptsContext.Describe(info));
            return Task.FromResult(0);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or KeyNotFoundException or ArgumentException or Media.Audio.WavFormatException)
        {
            error.WriteLine($"vika prompts import: {ex.Message}");
            return Task.FromResult(1);
        }
    }
}

/// <summary>`vika prompts synth [--missing]`: placeholders from the manifest texts with the speech engine.</summary>
public sealed class PromptsSynthCommand(TextWriter output, TextWriter error) : IVikaCommand
{
    public string Name => "prompts synth";
    public string Usage => "prompts synth [--missing] [--prompts DIR]";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "missing" };

    public async Task<int> RunAsync(CommandArgs args, CancellationToken ct)
    {
        bool missing = args.Has("missing");
        var (_, library) = PromptsContext.Open(args, withEngine: true);
        args.EnsureAllRead();
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
    public string Usage => "prompts check [--prompts DIR] [--flow FILE]";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    public Task<int> RunAsync(CommandArgs args, CancellationToken ct)
    {
        string? flowFile = args.Get("flow");
        var (services, library) = PromptsContext.Open(args, withEngine: false);
        args.EnsureAllRead();
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
