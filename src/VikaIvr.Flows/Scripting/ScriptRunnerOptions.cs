using Microsoft.Extensions.Logging;
using VikaIvr.Flows.Ports;
using VikaIvr.Flows.Runtime;

namespace VikaIvr.Flows.Scripting;

/// <summary>What `vika simulate` runs scripts with.</summary>
public sealed record ScriptRunnerOptions
{
    public required IPromptStore Prompts { get; init; }

    /// <summary>Speech whose clips carry the normalised words in <see cref="AudioClip.Text"/>.</summary>
    public required ISpeech Speech { get; init; }

    /// <summary>Builds the actions and validators for one script, on that script's virtual clock.</summary>
    public required Func<TimeProvider, CancellationToken, ValueTask<FlowComponents>> Components { get; init; }

    /// <summary>When set, each script's call record is saved here.</summary>
    public ICallRecordStore? Records { get; init; }

    /// <summary>Overrides the flow's variables, e.g. agent_uri from configuration.</summary>
    public IReadOnlyDictionary<string, string> VariableOverrides { get; init; } = new Dictionary<string, string>();

    /// <summary>Where scripts without a clock statement start (the composition root passes the real clock).</summary>
    public required TimeProvider StartTimeSource { get; init; }

    /// <summary>Longest virtual silence an expectation waits through before it fails.</summary>
    public TimeSpan MaxSilence { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Real time an action may take before the script fails as hung (virtual time does not pass meanwhile).</summary>
    public TimeSpan RealTimeStepLimit { get; init; } = TimeSpan.FromSeconds(30);

    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Counts node entries and exits of the simulated calls; null: not counted.</summary>
    public FlowMetrics? Metrics { get; init; }
}
