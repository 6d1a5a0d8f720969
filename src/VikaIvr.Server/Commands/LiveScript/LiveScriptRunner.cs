using Microsoft.Extensions.Logging;
using VikaIvr.Flows.Ports;
using VikaIvr.Flows.Scripting;
using VikaIvr.Media.Rtp;
using VikaIvr.Server.Cli;
using VikaIvr.Server.Hosting;
using VikaIvr.Testing.Caller;

namespace VikaIvr.Server.Commands.LiveScript;

/// <summary>
/// `vika simulate --target sip:165@HOST:PORT SCRIPT...`: each script as a real call with the
/// built-in test caller, one after another. Prompts are recognised by their audio (the same
/// prompt files the server plays); output and exit status are those of the simulated mode.
/// </summary>
public sealed class LiveScriptRunner(TextWriter output, TextWriter error)
{
    /// <summary>The entry point for <see cref="SimulateCommand"/>'s --target.</summary>
    public async Task<int> RunAsync(LiveScriptRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TestCallerDtmfModes.TryParse(request.DtmfMode, out var mode))
        {
            throw new CliException($"--dtmf must be rfc4733, info or inband, not '{request.DtmfMode}'");
        }

        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(o => o.SingleLine = true));
        var services = VikaServices.Create(request.Settings, TimeProvider.System, loggers);
        var results = await RunAsync(request.Scripts, request.Target, mode, services, ct);
        int failed = 0;
        foreach (var r in results)
        {
            if (!r.Passed) failed++;
            if (!request.Quiet || !r.Passed) output.WriteLine(r.Format());
        }

        output.WriteLine($"simulate --target {request.Target}: {results.Count - failed} passed, {failed} failed");
        if (request.JUnitPath is not null) JUnitReport.Write(Path.GetFullPath(request.JUnitPath), results);
        return failed == 0 ? 0 : 1;
    }

    /// <summary>Runs the scripts as real calls to <paramref name="target"/>; a script that cannot be parsed is a failed result.</summary>
    public async Task<IReadOnlyList<ScriptResult>> RunAsync(IReadOnlyList<string> scripts, string target, TestCallerDtmfMode mode, VikaServices services,
        CancellationToken ct, RtpAudioCodec codec = RtpAudioCodec.Pcmu)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        ArgumentNullException.ThrowIfNull(services);
        var prompts = services.OpenPrompts();
        var options = new LiveScriptOptions { Target = target, DtmfMode = mode, Codec = codec, Prompts = prompts };
        var indexes = new Dictionary<RtpAudioCodec, PromptAudioIndex>();
        PromptAudioIndex IndexFor(RtpAudioCodec c)
        {
            if (!indexes.TryGetValue(c, out var index)) indexes[c] = index = new PromptAudioIndex(LoadClips(prompts), c);
            return index;
        }

        using var simulated = new SimulatedUtterances(services, prompts);
        var speech = services.CreateSpeech(services.CreateEngine());

        var results = new List<ScriptResult>();
        foreach (var path in scripts)
        {
            CallScript script;
            try
            {
                script = ScriptParser.ParseFile(path);
            }
            catch (ScriptParseException ex)
            {
                results.Add(new ScriptResult(path, ex.Errors, []));
                continue;
            }
            catch (IOException ex)
            {
                results.Add(new ScriptResult(path, [new ScriptError(path, 0, "a readable script", ex.Message)], []));
                continue;
            }

            var plan = await PlanSpeechAsync(script, simulated, speech, ct);
            results.Add(await new LiveScriptExecution(script, options, IndexFor, plan, services.Loggers, ct).RunAsync());
        }

        return results;
    }

    /// <summary>
    /// The sentences the server will say in this script, synthesized as the server does: the flow's
    /// texts come from a simulated run of the same script (on its clock, as the server's --clock).
    /// </summary>
    private static async Task<SpeechPlan> PlanSpeechAsync(CallScript script, SimulatedUtterances simulated, ISpeech speech, CancellationToken ct)
    {
        if (!script.Statements.Any(s => s.Kind == ScriptStatementKind.ExpectSay)) return new SpeechPlan([], null);
        if (simulated.Problem is not null) return SpeechPlan.Lenient(simulated.Problem);
        var texts = await simulated.TextsAsync(script, ct);
        if (texts is null) return SpeechPlan.Lenient("the simulated run is not available");
        var clips = new List<AudioClip>(texts.Count);
        try
        {
            foreach (var text in texts) clips.Add(await speech.SayAsync(text, ct));
        }
        catch (SpeechException ex)
        {
            return SpeechPlan.Lenient($"speech cannot be synthesized here ({ex.Message})");
        }

        return new SpeechPlan(clips, null);
    }

    private List<AudioClip> LoadClips(IPromptStore prompts)
    {
        var clips = new List<AudioClip>();
        foreach (var id in prompts.PromptIds)
        {
            try
            {
                clips.Add(prompts.Get(id));
            }
            catch (Exception ex) when (ex is KeyNotFoundException or IOException or InvalidDataException)
            {
                error.WriteLine($"simulate --target: prompt {id} cannot be loaded ({ex.Message}); it will not be recognised");
            }
        }

        return clips;
    }
}
