using Microsoft.Extensions.Logging;
using VikaIvr.Data;
using VikaIvr.Data.Participants;
using VikaIvr.Flows.Loading;
using VikaIvr.Flows.Model;
using VikaIvr.Flows.Ports;
using VikaIvr.Flows.Runtime;
using VikaIvr.Jkn.Flow;
using VikaIvr.Jkn.Participants;
using VikaIvr.Speech;
using VikaIvr.Speech.Engines;
using VikaIvr.Speech.Prompts;
using VikaIvr.Speech.Text;

namespace VikaIvr.Server.Hosting;

/// <summary>
/// The parts every command shares, built from the settings: the prompt store, the speech
/// engine, the participant repository, the flow actions and the validated call flow.
/// </summary>
public sealed class VikaServices
{
    private VikaServices(VikaSettings settings, TimeProvider clock, ILoggerFactory loggers)
    {
        Settings = settings;
        Clock = clock;
        Loggers = loggers;
        Normalizer = new IndonesianNormalizer();
    }

    public VikaSettings Settings { get; }
    public TimeProvider Clock { get; }
    public ILoggerFactory Loggers { get; }
    public IndonesianNormalizer Normalizer { get; }

    public string PromptsRoot => Settings.Resolve(Settings.Prompts.Directory);
    public string DataDirectory => Settings.Resolve(Settings.Data.Directory);
    public string FlowFile => Settings.Resolve(Settings.Flow.File);

    public static VikaServices Create(VikaSettings settings, TimeProvider clock, ILoggerFactory loggers) => new(settings, clock, loggers);

    public FilePromptStore OpenPrompts() =>
        FilePromptStore.Open(PromptsRoot, Clock, Loggers.CreateLogger<FilePromptStore>());

    /// <summary>The configured engine: Azure when a key and region are set, else espeak-ng.</summary>
    public ISpeechEngine CreateEngine()
    {
        var azure = Settings.Speech.Azure;
        if (Settings.Speech.Engine.Equals("azure", StringComparison.OrdinalIgnoreCase)
            || (!string.IsNullOrEmpty(azure.Key) && !string.IsNullOrEmpty(azure.Region)))
        {
            var options = new AzureSpeechOptions
            {
                SubscriptionKey = azure.Key,
                Region = azure.Region,
                Voice = azure.Voice,
                Endpoint = string.IsNullOrEmpty(azure.Endpoint) ? null : new Uri(azure.Endpoint),
            };
            return new AzureSpeechEngine(new HttpClient(), options, Loggers.CreateLogger<AzureSpeechEngine>());
        }
        return new EspeakEngine(new EspeakOptions { Voice = Settings.Speech.Voice }, Loggers.CreateLogger<EspeakEngine>());
    }

    public SpeechService CreateSpeech(ISpeechEngine engine) =>
        new(engine, Normalizer, new SpeechServiceOptions { CacheDirectory = Path.Combine(DataDirectory, "speech-cache") },
            Loggers.CreateLogger<SpeechService>());

    /// <summary>This node's name in call records and prompt versions (Server:NodeId, else the host name).</summary>
    public string NodeId => DataStore.NodeId(Settings);

    /// <summary>The configured store (Data:Provider), migrated and seeded.</summary>
    public Task<IVikaDatabase> OpenDatabaseAsync(CancellationToken ct, bool pooling = true) =>
        DataStore.OpenAsync(Settings, Clock, ct, pooling);

    public static FlowComponents Components(IParticipantRepository repository, TimeProvider clock)
    {
        var jkn = JknFlowActions.Create(repository, clock);
        return new FlowComponents(jkn.Actions, jkn.Validators);
    }

    public static FlowComponents Components(IDbConnectionFactory db, TimeProvider clock) =>
        Components(new SqliteParticipantRepository(db), clock);

    /// <summary>The names actions and validators are registered under (for validating a flow without a database).</summary>
    public static FlowComponents ComponentNames(TimeProvider clock) => Components(new UnavailableRepository(), clock);

    public (FlowDefinition? Flow, IReadOnlyList<FlowError> Errors) LoadFlow(string? file, IPromptStore? prompts, FlowComponents components) =>
        FlowLoader.TryLoad(file is null ? FlowFile : Path.GetFullPath(file), FlowCheckContext.For(prompts, components));

    public IReadOnlyDictionary<string, string> FlowVariableOverrides() =>
        new Dictionary<string, string> { ["agent_uri"] = Settings.Flow.AgentUri };

    private sealed class UnavailableRepository : IParticipantRepository
    {
        public Task<Participant?> FindByNikAsync(string nik, CancellationToken ct) => throw new InvalidOperationException("no database");
        public Task<Participant?> FindByCardAsync(string cardNumber, CancellationToken ct) => throw new InvalidOperationException("no database");
    }
}
