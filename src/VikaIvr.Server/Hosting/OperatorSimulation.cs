using VikaIvr.Flows.Loading;
using VikaIvr.Flows.Model;
using VikaIvr.Flows.Runtime;
using VikaIvr.Speech.Prompts;

namespace VikaIvr.Server.Hosting;

/// <summary>
/// The operator line as `vika simulate` runs it: the recording flow on the configured operator
/// number (default 16599), the simulation PIN (<see cref="OperatorLine.SimulationPin"/>) whatever
/// the configuration says, and saves kept in memory so the prompt folder is never touched.
/// </summary>
public sealed class OperatorSimulation
{
    private OperatorSimulation(OperatorLine line, MemoryPromptRecorder recorder, FlowDefinition? flow, IReadOnlyList<FlowError> errors)
    {
        Line = line;
        Recorder = recorder;
        Flow = flow;
        Errors = errors;
        Components = RecordingFlowActions.Create(line, recorder);
    }

    public OperatorLine Line { get; }
    public MemoryPromptRecorder Recorder { get; }

    /// <summary>Null when the recording flow is invalid (see <see cref="Errors"/>).</summary>
    public FlowDefinition? Flow { get; }
    public IReadOnlyList<FlowError> Errors { get; }

    /// <summary>The recording flow's actions; add them to the main flow's with <see cref="FlowComponents.With"/>.</summary>
    public FlowComponents Components { get; }

    public static OperatorSimulation Load(VikaServices services, FilePromptStore prompts)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(prompts);
        var line = OperatorLine.From(services.Settings.Operator).ForSimulation();
        var recorder = new MemoryPromptRecorder(prompts.Manifest);
        var (flow, errors) = RecordingFlow.Load(services, prompts, RecordingFlowActions.Create(line, recorder));
        return new OperatorSimulation(line, recorder, flow, errors);
    }

    /// <summary>The flow a script's called number runs: the recording flow on the operator number, else <paramref name="main"/>.</summary>
    public FlowDefinition? FlowFor(string called, FlowDefinition main) =>
        string.Equals(called, Line.Number, StringComparison.Ordinal) ? Flow : main;
}
