using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VikaIvr.Data;
using VikaIvr.Data.FlowRevisions;
using VikaIvr.Data.Participants;
using VikaIvr.Flows.Loading;
using VikaIvr.Flows.Model;
using VikaIvr.Flows.Ports;
using VikaIvr.Flows.Runtime;
using VikaIvr.Jkn.Participants;
using VikaIvr.Server.Hosting.Flows;
using VikaIvr.Server.Hosting.Operator;
using VikaIvr.Speech;
using VikaIvr.Speech.Engines;
using VikaIvr.Speech.Prompts;

namespace VikaIvr.Server.Hosting.Serve;

/// <summary>
/// First to start: everything a call runs is checked before the first packet is accepted — the
/// speech engine (and the answers' fixed sentences synthesized), the database, the VIKA flow and the
/// operators' recording flow. What it loads is read by the parts started after it. The VIKA flow is
/// the active revision in the database (<see cref="FlowStartRule"/>), changed later without a restart
/// through <see cref="Activator"/>.
/// </summary>
public sealed partial class CallFlowsService(
    VikaServices services,
    TimeProvider clock,
    FlowMetrics flowMetrics,
    SpeechMetrics speechMetrics,
    ParticipantLookupMetrics lookupMetrics,
    ParticipantSource participants,
    DataMetrics dataMetrics,
    OperatorPinDefence pinDefence,
    ILoggerFactory loggers,
    ILogger<CallFlowsService> log) : IHostedService
{
    private Loaded? _loaded;

    private sealed record Loaded(FilePromptStore Prompts, IVikaDatabase Database, CallFlowRouter Router, OperatorLine Line,
        IReadOnlyList<string> ServiceNumbers, ISpeechEngine Engine, FlowActivator Activator, LibraryPromptRecorder Recorder);

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

    /// <summary>The VIKA flow new calls on the service numbers run (the active revision).</summary>
    public FlowDefinition Flow => Get().Activator.Current.Flow;

    /// <summary>Activates revisions of the VIKA flow (console, SIGHUP, the poll of the database).</summary>
    public FlowActivator Activator => Get().Activator;

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
        var check = new FlowRevisionCheck(prompts, components, services.FlowFile);
        var store = new FlowRevisionStore(db);
        var trail = new AuditLogFlowTrail(new VikaIvr.Data.Audit.AuditLog(db, clock));
        var (revision, flow) = await StartRevisionAsync(store, check, trail, cancellationToken).ConfigureAwait(false);

        var runtime = new FlowRuntime(prompts, speech, components, clock) { VariableOverrides = services.FlowVariableOverrides(), Metrics = flowMetrics };
        FlowInterpreter Interpreter(FlowDefinition definition) => new(definition, runtime, loggers.CreateLogger<FlowInterpreter>());
        var holder = new ActiveFlowHolder(new ActiveFlow(revision.Id, revision.Author, revision.ContentHash, flow, Interpreter(flow)));
        var activator = new FlowActivator(store, holder, check, Interpreter, trail, clock, loggers.CreateLogger<FlowActivator>());

        // The operators' recording line: checked at start like the main flow, answered only with a PIN.
        var line = OperatorLine.From(settings.Operator);
        var recorder = new LibraryPromptRecorder(new PromptLibrary(services.PromptsRoot, null, services.Normalizer, clock, loggers.CreateLogger<PromptLibrary>()), clock);
        var recordingComponents = RecordingFlowActions.Create(line, recorder);
        var (recordingFlow, recordingErrors) = RecordingFlow.Load(services, prompts, recordingComponents);
        if (recordingFlow is null)
        {
            throw new ServeStartException([$"vika serve: the recording flow is invalid ({recordingErrors.Count} errors):", .. recordingErrors.Select(e => "  " + e)]);
        }

        OperatorLineFlow? operatorLine = null;
        var serviceNumbers = new List<string>(settings.Sip.ServiceNumbers);
        if (line.IsOpen)
        {
            operatorLine = new OperatorLineFlow(line, recordingFlow, new FlowRuntime(prompts, speech, recordingComponents, clock) { Metrics = flowMetrics },
                recorder, pinDefence, loggers.CreateLogger<FlowInterpreter>());
            if (!serviceNumbers.Contains(line.Number)) serviceNumbers.Add(line.Number);
        }
        else if (!string.IsNullOrWhiteSpace(settings.Operator.Number))
        {
            LogOperatorLineClosed(line.Number);
        }

        var router = new CallFlowRouter(holder, operatorLine);
        _loaded = new Loaded(prompts, db, router, line, serviceNumbers, engine, activator, recorder);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The revision the start rule chooses, checked on this node; any failure stops serve with its reason.</summary>
    private async Task<(FlowRevision Revision, FlowDefinition Flow)> StartRevisionAsync(FlowRevisionStore store, FlowRevisionCheck check, IFlowAuditTrail trail,
        CancellationToken ct)
    {
        string file = services.FlowFile;
        string yaml;
        try
        {
            yaml = await File.ReadAllTextAsync(file, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ServeStartException($"vika serve: the call flow {file} cannot be read: {ex.Message}");
        }

        FlowStartChoice choice;
        try
        {
            choice = await FlowStartRule.ChooseAsync(store, file, yaml, check, clock.GetUtcNow(), ct).ConfigureAwait(false);
            if (choice.Stored) await trail.ActivatedAsync(FlowStartRule.Author, choice.Revision, ct).ConfigureAwait(false);
        }
        catch (FlowValidationException ex)
        {
            throw new ServeStartException([$"vika serve: the call flow is invalid ({ex.Errors.Count} errors):", .. ex.Errors.Select(e => "  " + e)]);
        }
        catch (DataStoreException ex)
        {
            throw new ServeStartException($"vika serve: the flow revisions cannot be read: {ex.Message}");
        }

        var revision = choice.Revision;
        var (flow, errors) = check.Check(revision.Yaml, choice.Stored ? file : FlowRevisionCheck.NameOf(revision.Id));
        if (flow is null || errors.Count > 0)
        {
            throw new ServeStartException([$"vika serve: the active flow revision {revision.Id} is invalid here ({errors.Count} errors):", .. errors.Select(e => "  " + e)]);
        }

        LogStartRevision(revision.Id, revision.Source, revision.Author, choice.Stored);
        return (revision, flow);
    }

    private Loaded Get() => _loaded ?? throw new InvalidOperationException("the call flows are read before they were loaded (start order)");

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "The operator number {Number} is configured without a PIN: the recording line stays closed")]
    private partial void LogOperatorLineClosed(string number);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Flow revision {Revision} (source {Source}, author {Author}) runs; stored from the flow file now: {Stored}")]
    private partial void LogStartRevision(long revision, string source, string author, bool stored);
}
