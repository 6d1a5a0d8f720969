using VikaIvr.Data;
using VikaIvr.Data.CallRecords;
using VikaIvr.Flows.Model;
using VikaIvr.Flows.Scripting;
using VikaIvr.Server.Hosting;
using VikaIvr.Speech;
using VikaIvr.Speech.Prompts;

namespace VikaIvr.Server.Commands.LiveScript;

/// <summary>
/// Runs a script through the simulator first (as `vika simulate` composes it: a private database
/// seeded for the script's clock, the operator simulation, text-only speech) to learn the texts the
/// server will say, so live `expect say` can be checked against the same sentences synthesized here.
/// </summary>
internal sealed class SimulatedUtterances : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"vika-live-simulate-{Environment.ProcessId}-{Guid.NewGuid():N}");
    private readonly RecordingSpeech _speech;
    private readonly ScriptRunner? _runner;

    public SimulatedUtterances(VikaServices services, FilePromptStore prompts)
    {
        ArgumentNullException.ThrowIfNull(services);
        _speech = new RecordingSpeech(new TextOnlySpeech(services.Normalizer));
        var (flow, errors) = services.LoadFlow(null, prompts, VikaServices.ComponentNames(TimeProvider.System));
        var op = OperatorSimulation.Load(services, prompts);
        if (flow is null || op.Flow is null)
        {
            Problem = "the flow does not load for the simulated run: " + string.Join("; ", errors.Concat(op.Errors));
            return;
        }

        Directory.CreateDirectory(_dataDir);
        var db = new SqliteDatabase(new SqliteDatabaseOptions { DataDirectory = _dataDir, Pooling = false });
        _runner = new ScriptRunner(called => op.FlowFor(called, flow), new ScriptRunnerOptions
        {
            StartTimeSource = TimeProvider.System,
            Prompts = prompts,
            Speech = _speech,
            Components = async (clock, token) =>
            {
                await db.InitializeAsync(clock, token);
                return VikaServices.Components(db, clock).With(op.Components);
            },
            Records = new DbCallRecordStore(db, "simulate"),
            VariableOverrides = services.FlowVariableOverrides(),
            LoggerFactory = services.Loggers,
        });
    }

    /// <summary>Why texts cannot be learned (the flow does not load), else null.</summary>
    public string? Problem { get; }

    /// <summary>The texts the flow says during the simulated run of <paramref name="script"/>, in order
    /// (also when the simulated run fails: what was said up to there is still what the server says).</summary>
    public async Task<IReadOnlyList<string>?> TextsAsync(CallScript script, CancellationToken ct)
    {
        if (_runner is null) return null;
        _speech.Clear();
        await _runner.RunAsync(script, ct);
        return [.. _speech.Texts];
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(_dataDir)) Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
