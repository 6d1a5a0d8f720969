using System.Net;
using Microsoft.Extensions.Logging;
using VikaIvr.Data.CallRecords;
using VikaIvr.Flows.Runtime;
using VikaIvr.Media.Clock;
using VikaIvr.Media.Receive;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Session;
using VikaIvr.Server.Cli;
using VikaIvr.Server.Hosting;
using VikaIvr.Sip.Core;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;
using VikaIvr.Speech.Prompts;
using VikaIvr.Telephony.Calls;
using VikaIvr.Telephony.Media;

namespace VikaIvr.Server.Commands;

/// <summary>`vika serve`: the SIP server answering the service numbers with the VIKA flow.</summary>
public sealed class ServeCommand(TextWriter output, TextWriter error) : IVikaCommand
{
    public string Name => "serve";
    public string Usage => "serve [--bind ADDR] [--sip-port N] [--rtp-ports LO-HI] [--data DIR] [--config FILE] [--flow FILE] [--prompts DIR] [--clock ISO] [--answer-delay-ms N] [--agent-uri URI] [--log-level LEVEL] [--stats-seconds N] [--priority normal|high]";
    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    public async Task<int> RunAsync(CommandArgs args, CancellationToken ct)
    {
        var settings = SettingsLoader.Load(args);
        var clock = ShiftedTimeProvider.FromOption(args.Get("clock"));
        var level = Enum.TryParse<LogLevel>(args.Get("log-level") ?? "Information", true, out var l) ? l : LogLevel.Information;
        int statsSeconds = args.GetInt("stats-seconds") ?? settings.Server.StatsSeconds;
        string priority = args.Get("priority") ?? settings.Server.Priority;
        args.EnsureAllRead();
        // Early, so threads started later (thread pool, sockets, media) inherit it.
        string granted = ServerPriority.Apply(priority);
        var (rtpLow, rtpHigh) = RtpPortRange.Parse(settings.Media.RtpPorts);

        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(level).AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        }));
        var log = loggers.CreateLogger("vika");
        var services = VikaServices.Create(settings, clock, loggers);

        // Everything a call needs is checked before the first packet is accepted.
        var prompts = services.OpenPrompts();
        var engine = services.CreateEngine();
        try
        {
            await engine.EnsureAvailableAsync(ct);
        }
        catch (Flows.Ports.SpeechException ex)
        {
            error.WriteLine($"vika serve: the speech engine '{engine.Name}' is not available: {ex.Message}");
            return 1;
        }
        var speech = services.CreateSpeech(engine);
        try
        {
            // The answers' fixed sentences are ready before the first call (each sentence is cached on its own).
            await speech.PreSynthesizeAsync(Jkn.Sentences.FixedSentences.All, ct);
        }
        catch (Flows.Ports.SpeechException ex)
        {
            error.WriteLine($"vika serve: the speech engine '{engine.Name}' failed at start: {ex.Message}");
            return 1;
        }
        // Pooling off: every lookup opens the file, so a database that fails mid-call is noticed at once.
        var db = await services.OpenDatabaseAsync(ct, pooling: false);
        var components = VikaServices.Components(db, clock);
        var (flow, errors) = services.LoadFlow(null, prompts, components);
        if (flow is null)
        {
            error.WriteLine($"vika serve: the call flow is invalid ({errors.Count} errors):");
            foreach (var e in errors) error.WriteLine("  " + e);
            return 1;
        }

        await using var records = new BackgroundCallRecordWriter(new SqliteCallRecordStore(db), loggers.CreateLogger<BackgroundCallRecordWriter>());
        var runtime = new FlowRuntime(prompts, speech, components, clock) { VariableOverrides = services.FlowVariableOverrides() };
        var interpreter = new FlowInterpreter(flow, runtime, loggers.CreateLogger<FlowInterpreter>());

        // The operators' recording line: checked at start like the main flow, answered only with a PIN.
        var line = OperatorLine.From(settings.Operator);
        var recorder = new LibraryPromptRecorder(new PromptLibrary(services.PromptsRoot, null, services.Normalizer, clock, loggers.CreateLogger<PromptLibrary>()));
        var recordingComponents = RecordingFlowActions.Create(line, recorder);
        var (recordingFlow, recordingErrors) = RecordingFlow.Load(services, prompts, recordingComponents);
        if (recordingFlow is null)
        {
            error.WriteLine($"vika serve: the recording flow is invalid ({recordingErrors.Count} errors):");
            foreach (var e in recordingErrors) error.WriteLine("  " + e);
            return 1;
        }

        FlowInterpreter? recordingInterpreter = null;
        var serviceNumbers = new List<string>(settings.Sip.ServiceNumbers);
        if (line.IsOpen)
        {
            recordingInterpreter = new FlowInterpreter(recordingFlow, new FlowRuntime(prompts, speech, recordingComponents, clock), loggers.CreateLogger<FlowInterpreter>());
            if (!serviceNumbers.Contains(line.Number)) serviceNumbers.Add(line.Number);
        }
        else if (!string.IsNullOrWhiteSpace(settings.Operator.Number))
        {
            log.LogInformation("The operator number {Number} is configured without a PIN: the recording line stays closed", line.Number);
        }
        var router = new CallFlowRouter(interpreter, line.IsOpen ? line.Number : null, recordingInterpreter);

        var clockOptions = new MediaClockOptions { MaxPacerThreads = settings.Media.PacerThreads > 0 ? settings.Media.PacerThreads : 4 };
        using var mediaClock = new MediaClock(clockOptions, new StopwatchTickSource(clockOptions), loggers.CreateLogger<MediaClock>());
        mediaClock.Start();
        using var receiver = MediaReceiver.IsSupported
            ? new MediaReceiver(new MediaReceiverOptions { Threads = Math.Max(1, settings.Media.ReceiveThreads) }, loggers.CreateLogger<MediaReceiver>())
            : null;
        receiver?.Start();
        var ports = new RtpPortAllocator(new RtpPortAllocatorOptions { MinPort = rtpLow, MaxPort = rtpHigh });
        var bind = ParseBind(settings.Sip.Bind);
        var telephony = new TelephonyOptions
        {
            MediaAddress = string.IsNullOrEmpty(settings.Media.PublicAddress) ? (bind is { } b && !b.Equals(IPAddress.Any) && !b.Equals(IPAddress.IPv6Any) ? b : null) : IPAddress.Parse(settings.Media.PublicAddress),
            RtpBindAddress = bind is { } bb && !bb.Equals(IPAddress.Any) && !bb.Equals(IPAddress.IPv6Any) ? bb : null,
            Codecs = settings.Media.Codecs.Select(ParseCodec).ToList(),
            AnswerDelay = TimeSpan.FromMilliseconds(settings.Sip.AnswerDelayMs),
            InBandDtmf = settings.Media.InBandDtmf,
            Media = new MediaSessionOptions { ComfortSilence = settings.Media.ComfortNoise },
        };
        // Every prompt is decoded and encoded for each codec now, not by the first calls that play it;
        // then the start-up garbage (large decoding buffers) is collected before any call's audio runs,
        // so it cannot set off a full collection in the middle of the first calls.
        var clipCache = new EncodedClipCache();
        int encodings = clipCache.Warm(prompts.Preload(), telephony.Codecs);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        log.LogDebug("{Encodings} prompt encodings ready", encodings);

        SipTransport listening;
        try
        {
            listening = new SipTransport(new SipTransportOptions
            {
                BindAddress = bind?.ToString(),
                Port = settings.Sip.Port,
                MaxHeaders = settings.Sip.MaxHeaders,
            }, loggers.CreateLogger<SipTransport>());
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            error.WriteLine($"vika serve: cannot listen on {settings.Sip.Bind}:{settings.Sip.Port}: {ex.Message}");
            return 1;
        }

        await using var transport = listening;
        var uaOptions = new SipUserAgentOptions
        {
            ServiceNumbers = serviceNumbers,
            AllowedSources = settings.Sip.AllowFrom,
            MaxCallDuration = settings.Sip.MaxCallDurationSeconds > 0 ? TimeSpan.FromSeconds(settings.Sip.MaxCallDurationSeconds) : null,
            ContactHost = string.IsNullOrEmpty(settings.Media.PublicAddress) ? null : settings.Media.PublicAddress,
            InviteAuthentication = settings.Sip.ChallengeInvites
                ? new Sip.Auth.SipDigestServer(settings.Sip.AuthRealm,
                    user => settings.Sip.InviteCredentials.TryGetValue(user, out var password) ? password : null, clock)
                : null,
        };
        await using var calls = new SipCallStack(transport, uaOptions, telephony, mediaClock, ports, clipCache, new FlowCallApplication(router), records, receiver, clock, loggers);
        try
        {
            calls.Start();
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            error.WriteLine($"vika serve: cannot listen on {settings.Sip.Bind}:{settings.Sip.Port}: {ex.Message}");
            return 1;
        }
        SipRegistrationClient? registration = null;
        if (!string.IsNullOrEmpty(settings.Trunk.Registrar))
        {
            registration = new SipRegistrationClient(calls.Agent.Transactions, new SipRegistrationOptions
            {
                RegistrarUri = settings.Trunk.Registrar,
                User = settings.Trunk.User,
                Password = settings.Trunk.Password,
                Expires = settings.Trunk.ExpiresSeconds,
            }, loggers.CreateLogger<SipRegistrationClient>());
            _ = registration.StartAsync(ct: ct);
        }

        log.LogInformation("VikaIvr listening on {Bind}:{Port} (UDP+TCP), RTP {Low}-{High}, numbers {Numbers}, flow {Flow}, speech {Engine}, data {Data}, {Operator}, {Priority}, {Runtime}",
            settings.Sip.Bind, settings.Sip.Port, rtpLow, rtpHigh, string.Join(",", serviceNumbers), services.FlowFile, engine.Name, db.FilePath, line, granted, RuntimeDescription.Describe());
        output.Flush();
        var stats = new RuntimeStatsReporter(() => calls.Calls.ActiveCalls, mediaClock, TimeSpan.FromSeconds(statsSeconds), TimeProvider.System, log).RunAsync(ct);
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException)
        {
        }
        await stats;
        log.LogInformation("Stopping: {Calls} calls in progress", calls.Calls.ActiveCalls);
        registration?.Stop();
        await calls.StopAsync();
        return 0;
    }

    private static IPAddress? ParseBind(string bind)
    {
        if (string.IsNullOrEmpty(bind) || bind is "*" or "0.0.0.0" or "::" or "[::]") return null;
        return IPAddress.TryParse(bind.Trim('[', ']'), out var a) ? a : throw new CliException($"--bind needs an IP address, not '{bind}'");
    }

    private static RtpAudioCodec ParseCodec(string name) => name.ToUpperInvariant() switch
    {
        "PCMU" => RtpAudioCodec.Pcmu,
        "PCMA" => RtpAudioCodec.Pcma,
        _ => throw new CliException($"unknown codec '{name}' (PCMU or PCMA)"),
    };
}
