using System.CommandLine;
using System.Net;
using Microsoft.Extensions.Logging;
using VikaIvr.Flows.Ports;
using VikaIvr.Flows.Scripting;
using VikaIvr.Media.Audio;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Session;
using VikaIvr.Server.Cli;
using VikaIvr.Server.Hosting;
using VikaIvr.Testing.Caller;
using VikaIvr.Testing.Load;
using VikaIvr.Testing.Scripting;

namespace VikaIvr.Server.Commands;

/// <summary>
/// `vika load sip:165@HOST:PORT`: many calls at once by the built-in test caller (one shared SIP
/// stack, media clock and receiver), each sending audio and keys or following a call script; a live
/// line on stderr every few seconds, the report at the end (and as JSON). Exit 1 when a call or an
/// expectation failed.
/// </summary>
public sealed class LoadCommand(TextWriter output, TextWriter error) : IVikaCommand
{
    /// <summary>How often the live line is written.</summary>
    public static readonly TimeSpan LiveEvery = TimeSpan.FromSeconds(5);

    public string Name => "load";

    private readonly Argument<string> _target = PositionalArgument.Create<string>("TARGET", "sip:165@HOST:PORT[;transport=tcp]");
    private readonly Option<int> _calls = new("--calls") { HelpName = "N", Description = "calls in all (all may be up at once)", DefaultValueFactory = _ => 10 };
    private readonly Option<double> _rate = new("--rate") { HelpName = "R", Description = "new calls per second", DefaultValueFactory = _ => 10 };
    private readonly Option<double> _duration = new("--duration") { HelpName = "S", Description = "seconds each call is held before our BYE (with --script: the longest a call may run)", DefaultValueFactory = _ => 30 };
    private readonly Option<string> _script = new("--script") { HelpName = "FILE.vks", Description = "each call follows this call script; its expect prompt/hangup/transfer lines are checked" };
    private readonly Option<string> _keys = new("--keys") { HelpName = "PLAN", Description = "keys each call sends: \"1,w,1,3171011708850001#\" (w = wait 1 s)" };
    private readonly Option<string> _dtmf = new("--dtmf") { HelpName = "rfc4733|info|inband", Description = "how keys are sent", DefaultValueFactory = _ => "rfc4733" };
    private readonly Option<string> _codec = new("--codec") { HelpName = "pcmu|pcma", Description = "the codec offered", DefaultValueFactory = _ => "pcmu" };
    private readonly Option<string> _audio = new("--audio") { HelpName = "FILE.wav", Description = "audio each call plays once after the answer (silence otherwise)" };
    private readonly Option<string> _report = new("--report") { HelpName = "FILE.json", Description = "write the report as JSON" };
    private readonly Option<string> _rtpPorts = new("--rtp-ports") { HelpName = "LO-HI", Description = "our RTP ports, a pair per call (keep clear of the server's range on one machine)", DefaultValueFactory = _ => LoadRequest.DefaultRtpPorts };
    private readonly Option<int> _sharedRtpPort = new("--shared-rtp-port") { HelpName = "PORT", Description = "one even RTP port (RTCP the next) for all our calls, each announcing its SSRC; frames leave in batches (default 0: --rtp-ports, a pair per call)" };
    private readonly Option<string> _bind = new("--bind") { HelpName = "ADDRESS", Description = "local address for our SIP and RTP (default: the one that reaches the target)" };

    public Command Create()
    {
        var settings = new CommandSettings(SettingOptions.Prompts());
        var command = new Command("load", "load test: many calls by the built-in test caller, with timing figures")
        {
            _target, _calls, _rate, _duration, _script, _keys, _dtmf, _codec, _audio, _report, _bind, _rtpPorts, _sharedRtpPort,
        };
        settings.AddTo(command);
        command.SetAction((result, ct) => CommandRunner.RunAsync(Name, error, () => RunAsync(Read(result), () => settings.Read(result), ct)));
        return command;
    }

    /// <summary>The options as given on a command line this command parsed.</summary>
    public LoadRequest Read(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new LoadRequest(result.GetValue(_target)!, result.GetValue(_calls), result.GetValue(_rate), result.GetValue(_duration), result.GetValue(_script),
            result.GetValue(_keys), result.GetValue(_dtmf)!, result.GetValue(_codec)!, result.GetValue(_audio), result.GetValue(_report), result.GetValue(_bind), result.GetValue(_rtpPorts)!,
            result.GetValue(_sharedRtpPort));
    }

    /// <summary>The engine's options from <paramref name="request"/>, without the script's prompts (<see cref="CliException"/> for a bad option).</summary>
    public static LoadOptions Options(LoadRequest request, PromptFingerprints? prompts = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Target.StartsWith("sip:", StringComparison.OrdinalIgnoreCase)) throw new CliException($"the target must be a sip: URI, not '{request.Target}'");
        if (request.Calls < 1) throw new CliException($"--calls needs at least 1, not {request.Calls}");
        if (request.Rate <= 0 || double.IsNaN(request.Rate)) throw new CliException($"--rate needs calls per second above 0, not {request.Rate}");
        if (request.DurationSeconds <= 0 || double.IsNaN(request.DurationSeconds)) throw new CliException($"--duration needs seconds above 0, not {request.DurationSeconds}");
        if (request.Script is not null && request.Keys is not null) throw new CliException("give --script or --keys, not both");
        if (!TestCallerDtmfModes.TryParse(request.Dtmf, out var mode)) throw new CliException($"--dtmf must be rfc4733, info or inband, not '{request.Dtmf}'");
        var codec = request.Codec.ToLowerInvariant() switch
        {
            "pcmu" => RtpAudioCodec.Pcmu,
            "pcma" => RtpAudioCodec.Pcma,
            _ => throw new CliException($"--codec must be pcmu or pcma, not '{request.Codec}'"),
        };
        IPAddress? bind = null;
        if (request.Bind is not null && !IPAddress.TryParse(request.Bind, out bind)) throw new CliException($"--bind needs an IP address, not '{request.Bind}'");
        if (!RtpPortRange.TryParse(request.RtpPorts, out int rtpLow, out int rtpHigh) || rtpLow < 1024 || rtpHigh - rtpLow < 3)
        {
            throw new CliException($"--rtp-ports must be {RtpPortRange.Expected}, not '{request.RtpPorts}'");
        }

        if (request.SharedRtpPort != 0 && (request.SharedRtpPort < 1024 || request.SharedRtpPort > 65534 || request.SharedRtpPort % 2 != 0))
        {
            throw new CliException($"--shared-rtp-port must be an even port 1024-65534 (RTCP takes the next), not {request.SharedRtpPort}");
        }

        IReadOnlyList<KeyPlanStep> steps = [];
        try
        {
            if (request.Keys is not null) steps = KeyPlan.Parse(request.Keys);
        }
        catch (FormatException ex)
        {
            throw new CliException("--keys: " + ex.Message);
        }

        CallScript? script = null;
        if (request.Script is not null)
        {
            string path = Path.GetFullPath(request.Script);
            if (!File.Exists(path)) throw new CliException($"script not found: {path}");
            try
            {
                script = ScriptParser.ParseFile(path);
            }
            catch (ScriptParseException ex)
            {
                throw new CliException($"--script: {ex.Message}");
            }
        }

        EncodedAudio? audio = null;
        if (request.Audio is not null)
        {
            string path = Path.GetFullPath(request.Audio);
            if (!File.Exists(path)) throw new CliException($"audio not found: {path}");
            audio = EncodedAudio.Encode(TelephonyAudio.ReadWav(path), codec, Path.GetFileName(path));
        }

        return new LoadOptions
        {
            Target = request.Target,
            Calls = request.Calls,
            Rate = request.Rate,
            Duration = TimeSpan.FromSeconds(request.DurationSeconds),
            Keys = steps,
            Script = script,
            Prompts = prompts,
            DtmfMode = mode,
            Codec = codec,
            Audio = audio,
            Bind = bind,
            RtpPortMin = rtpLow,
            RtpPortMax = rtpHigh,
            SharedRtpPort = request.SharedRtpPort,
        };
    }

    public async Task<int> RunAsync(LoadRequest request, Func<VikaSettings> settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        var options = Options(request);
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(o => o.SingleLine = true));
        if (options.Script is not null)
        {
            var prompts = VikaServices.Create(settings(), TimeProvider.System, loggers).OpenPrompts();
            options = Options(request, new PromptFingerprints(LoadClips(prompts), options.Codec));
        }

        error.WriteLine($"vika load: {options.Calls} calls at {options.Rate:0.##}/s to {options.Target}, {options.Mode}, {options.Duration.TotalSeconds:0.#} s each");
        var runner = new LoadRunner(options, loggers);
        var report = await runner.RunAsync(r =>
        {
            lock (error) error.WriteLine(r.Line());
        }, LiveEvery, ct);
        output.WriteLine(report.Format());
        if (request.Report is not null)
        {
            await using var file = File.Create(Path.GetFullPath(request.Report));
            report.WriteJson(file, new LoadRunInfo(options.Target, options.Mode, options.Calls, options.Rate, options.Duration));
        }

        return report.Passed ? 0 : 1;
    }

    private List<AudioClip> LoadClips(IPromptStore prompts) =>
        PromptClips.Load(prompts, (id, ex) => error.WriteLine($"vika load: prompt {id} cannot be loaded ({ex.Message}); it will not be recognised"));
}
