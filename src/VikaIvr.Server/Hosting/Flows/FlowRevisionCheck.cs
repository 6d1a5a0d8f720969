using VikaIvr.Flows.Loading;
using VikaIvr.Flows.Model;
using VikaIvr.Flows.Ports;
using VikaIvr.Flows.Runtime;

namespace VikaIvr.Server.Hosting.Flows;

/// <summary>
/// Checks a flow revision's text as `vika flow validate` checks the file: the same loader and
/// validator against the prompt manifest and the registered actions; every error with its line.
/// A valid flow carries <paramref name="flowFile"/> as its file, whatever the text came from, so
/// the flow keeps its name in metrics and records across revisions.
/// </summary>
public sealed class FlowRevisionCheck(IPromptStore? prompts, FlowComponents components, string flowFile)
{
    public (FlowDefinition? Flow, IReadOnlyList<FlowError> Errors) Check(string yaml, string name)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var context = FlowCheckContext.For(prompts, components);
        var (flow, errors) = FlowLoader.TryParse(yaml, name, context);
        if (flow is null || errors.Count > 0 || string.Equals(name, flowFile, StringComparison.Ordinal)) return (flow, errors);
        return FlowLoader.TryParse(yaml, flowFile, context);
    }

    /// <summary>
    /// The check `vika flow validate` makes: the prompt manifest and every registered name, the
    /// domain actions and the recording line's (no database needed).
    /// </summary>
    public static FlowRevisionCheck AsValidate(VikaServices services, VikaIvr.Speech.Prompts.FilePromptStore prompts)
    {
        ArgumentNullException.ThrowIfNull(services);
        var names = VikaServices.ComponentNames(TimeProvider.System).With(RecordingFlowActions.Create(
            OperatorLine.From(services.Settings.Operator).ForSimulation(), new MemoryPromptRecorder(prompts.Manifest)));
        return new FlowRevisionCheck(prompts, names, services.FlowFile);
    }

    /// <summary>The name errors carry for a stored revision: "revision 7".</summary>
    public static string NameOf(long revision) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"revision {revision}");
}
