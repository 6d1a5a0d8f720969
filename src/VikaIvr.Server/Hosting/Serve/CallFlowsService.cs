using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VikaIvr.Data;
using VikaIvr.Data.Participants;
using VikaIvr.Flows.Model;
using VikaIvr.Flows.Ports;
using VikaIvr.Flows.Runtime;
using VikaIvr.Jkn.Participants;
using VikaIvr.Speech;
using VikaIvr.Speech.Engines;
using VikaIvr.Speech.Prompts;

namespace VikaIvr.Server.Hosting.Serve;

/// <summary>
/// First to start: everything a call runs is checked before the first packet is accepted — the
/// speech engine (and the answers' fixed sentences synthesized), the database, the VIKA flow and the
/// operators' recording flow. What it loads is read by the parts started after it.
/// </summary>
public sealed partial class CallFlowsService(
    VikaServices services,
    TimeProvider clock,
    FlowMetrics flowMetrics,
    SpeechMetrics speechMetrics,
    ParticipantLookupMetrics lookupMetrics,
    ParticipantSource participants,
    DataMetrics dataMetrics,
    ILoggerFactory loggers,
    ILogger<CallFlowsService> log) : IHostedService
{
    private Loaded? _loaded;

    private sealed record Loaded(FilePromptStore Prompts, IVikaDatabase Database, CallFlowRouter Router, OperatorLine Line,
        IReadOnlyList<string> ServiceNumbers, ISpeechEngine Engine, FlowDefinition Flow, LibraryPromptRecorder Recorder);

    public FilePromptStore Prompts => Get().Prompts;

    public IVikaDatabase Database => Get().Database;

    public CallFlowRouter Router => Get().Router;

    /// <summary>Where the operator line saves recordings (and other nodes' versions are applied).</summary>
    public LibraryPromptRecorder Recorder => Get().Recorder;

    public OperatorLine Line => Get().Line;

    /// <summary>The configured numbers, plus the operator line's when it is open.</summary>
    public IReadOnlyList<string> ServiceNumbers => Get().ServiceNumbers;

    public string EngineName => Get().Engine.Name;

    /// <summary>The speech engine (timed by <see cref="SpeechMetrics"/>).</summary>
    public ISpeechEngine Engine => Get().Engine;

    /// <summary>The VIKA flow answered on the service numbers.</summary>
    public FlowDefinition Flow => Get().Flow;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = services.Settings;
        var prompts = services.OpenPrompts();
        var engine = new MeasuredSpeechEngine(services.CreateEngine(), speechMetrics);
        try
        {
            await engine.EnsureAvailableAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SpeechException ex)
        {
            throw new ServeStartException($"vika serve: the speech engine '{engine.Name}' is not available: {ex.Message}");
        }

        var speech = services.CreateSpeech(engine);
        speechMetrics.Observe(speech);
        try
        {
            // The answers' fixed sentences are ready before the first call (each sentence is cached on its own).
            await speech.PreSynthesizeAsync(Jkn.Sentences.FixedSentences.All, cancellationToken).ConfigureAwait(false);
        }
        catch (SpeechException ex)
        {
            throw new ServeStartException($"vika serve: the speech engine '{engine.Name}' failed at start: {ex.Message}");
        }

        // Pooling off: every lookup opens the file, so a database that fails mid-call is noticed at once.
        IVikaDatabase db;
        try
        {
            db = await services.OpenDatabaseAsync(cancellationToken, pooling: false).ConfigureAwait(false);
        }
        catch (DataStoreException ex)
        {
            throw new ServeStartException($"vika serve: the database is not available: {ex.Message}");
        }

        // The database's repository (its errors counted), or the HTTP participant service when configured; timed either way.
        var repository = await participants.OpenAsync(new MeteredParticipantRepository(new SqliteParticipantRepository(db), dataMetrics), cancellationToken)
            .ConfigureAwait(false);
        var components = VikaServices.Components(new MeasuredParticipantRepository(repository, lookupMetrics), clock);
        var (flow, errors) = services.LoadFlow(null, prompts, components);
        if (flow is null)
        {
            throw new ServeStartException([$"vika serve: the call flow is invalid ({errors.Count} errors):", .. errors.Select(e => "  " + e)]);
        }

        var runtime = new FlowRuntime(prompts, speech, components, clock) { VariableOverrides = services.FlowVariableOverrides(), Metrics = flowMetrics };
        var interpreter = new FlowInterpreter(flow, runtime, loggers.CreateLogger<FlowInterpreter>());

        // The operators' recording line: checked at start like the main flow, answered only with a PIN.
        var line = OperatorLine.From(settings.Operator);
        var recorder = new LibraryPromptRecorder(new PromptLibrary(services.PromptsRoot, null, services.Normalizer, clock, loggers.CreateLogger<PromptLibrary>()), clock);
        var recordingComponents = RecordingFlowActions.Create(line, recorder);
        var (recordingFlow, recordingErrors) = RecordingFlow.Load(services, prompts, recordingComponents);
        if (recordingFlow is null)
        {
            throw new ServeStartException([$"vika serve: the recording flow is invalid ({recordingErrors.Count} errors):", .. recordingErrors.Select(e => "  " + e)]);
        }

        FlowInterpreter? recordingInterpreter = null;
        var serviceNumbers = new List<string>(settings.Sip.ServiceNumbers);
        if (line.IsOpen)
        {
            recordingInterpreter = new FlowInterpreter(recordingFlow, new FlowRuntime(prompts, speech, recordingComponents, clock) { Metrics = flowMetrics },
                loggers.CreateLogger<FlowInterpreter>());
            if (!serviceNumbers.Contains(line.Number)) serviceNumbers.Add(line.Number);
        }
        else if (!string.IsNullOrWhiteSpace(settings.Operator.Number))
        {
            LogOperatorLineClosed(line.Number);
        }

        var router = new CallFlowRouter(interpreter, line.IsOpen ? line.Number : null, recordingInterpreter);
        _loaded = new Loaded(prompts, db, router, line, serviceNumbers, engine, flow, recorder);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private Loaded Get() => _loaded ?? throw new InvalidOperationException("the call flows are read before they were loaded (start order)");

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "The operator number {Number} is configured without a PIN: the recording line stays closed")]
    private partial void LogOperatorLineClosed(string number);
}
