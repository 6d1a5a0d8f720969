using VikaIvr.Flows.Loading;
using VikaIvr.Flows.Model;
using VikaIvr.Flows.Ports;
using VikaIvr.Flows.Runtime;

namespace VikaIvr.Server.Hosting;

/// <summary>Loads and checks the operators' recording flow (config/flows/recording.yaml).</summary>
public static class RecordingFlow
{
    public static string FilePath(VikaServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.Settings.Resolve(OperatorLine.FlowFile);
    }

    public static (FlowDefinition? Flow, IReadOnlyList<FlowError> Errors) Load(VikaServices services, IPromptStore prompts, FlowComponents components) =>
        services.LoadFlow(FilePath(services), prompts, components);
}
