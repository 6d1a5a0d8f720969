using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Server.Cli;
using VikaIvr.Server.Hosting;

namespace VikaIvr.Server.Commands;

/// <summary>`vika flow validate [FILE]`: loads a call flow and reports every error with file, line and cause.</summary>
public sealed class FlowValidateCommand(TextWriter output, TextWriter error) : IVikaCommand
{
    public string Name => "flow validate";

    public Command Create()
    {
        var file = PositionalArgument.Create<string?>("FILE", "the flow to check (default: the configured one)", ArgumentArity.ZeroOrOne);
        var settings = new CommandSettings(SettingOptions.Prompts());
        var command = new Command("validate", "every error of a call flow with file:line: cause") { file };
        settings.AddTo(command);
        command.SetAction((result, ct) => CommandRunner.RunAsync(Name, error, () => RunAsync(settings.Read(result), result.GetValue(file))));
        return command;
    }

    public Task<int> RunAsync(VikaSettings settings, string? file)
    {
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
