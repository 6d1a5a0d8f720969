using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Server.Cli;
using VikaIvr.Server.Hosting;

namespace VikaIvr.Server.Commands;

/// <summary>`vika flow validate [FILE]`: loads a call flow and reports every error with file, line and cause.</summary>
public sealed class FlowValidateCommand(TextWriter output, TextWriter error) : IVikaCommand
{
    public string Name => "flow validate";
    public string Usage => "flow validate [FILE] [--prompts DIR]";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    public Task<int> RunAsync(CommandArgs args, CancellationToken ct)
    {
        var settings = SettingsLoader.Load(args);
        args.EnsureAllRead();
        string? file = args.Positional.Count > 0 ? args.Positional[0] : null;
        var services = VikaServices.Create(settings, TimeProvider.System, NullLoggerFactory.Instance);
        var prompts = services.OpenPrompts();
        string shown = file ?? services.FlowFile;
        if (!File.Exists(shown))
        {
            error.WriteLine($"{shown}: file not found");
            return Task.FromResult(1);
        }
        // Both shipped flows validate against every registered name: the domain actions and the recording line's.
        var names = VikaServices.ComponentNames(TimeProvider.System).With(
            RecordingFlowActions.Create(OperatorLine.From(settings.Operator).ForSimulation(), new MemoryPromptRecorder(prompts.Manifest)));
        var (flow, errors) = services.LoadFlow(file, prompts, names);
        foreach (var e in errors) error.WriteLine(e);
        if (flow is null || errors.Count > 0)
        {
            error.WriteLine($"{shown}: invalid ({errors.Count} errors)");
            return Task.FromResult(1);
        }
        output.WriteLine($"{shown}: valid ({flow.Nodes.Count} nodes, start '{flow.Start.Name}')");
        return Task.FromResult(0);
    }
}
