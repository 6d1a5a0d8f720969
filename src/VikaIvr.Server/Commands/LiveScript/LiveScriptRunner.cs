using Microsoft.Extensions.Logging;
using VikaIvr.Flows.Ports;
using VikaIvr.Flows.Scripting;
using VikaIvr.Media.Rtp;
using VikaIvr.Server.Cli;
using VikaIvr.Server.Hosting;
using VikaIvr.Testing.Caller;
using VikaIvr.Testing.Scripting;

namespace VikaIvr.Server.Commands.LiveScript;

/// <summary>
/// `vika simulate --target sip:165@HOST:PORT SCRIPT...`: the one script interpreter with the live
/// scripted caller of VikaIvr.Testing, composed here with what only the server's composition root
/// has (the configured prompts and speech, and the simulated run that learns the spoken texts).
/// Output and exit status are those of the simulated mode.
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
        using var simulated = new SimulatedUtterances(services, prompts);
        var speech = services.CreateSpeech(services.CreateEngine());
        var callers = new LiveScriptCallers(options, (script, token) => PlanSpeechAsync(script, simulated, speech, token), services.Loggers, error);
        return await new ScriptRunner(callers.ForAsync).RunFilesAsync(scripts, ct);
    }

    /// <summary>
    /// The sentences the server will say in this script, synthesized as the server does: the flow's
    /// texts come from a simulated run of the same script (on its clock, as the server's --clock).
    /// </summary>
    private static async Task<SpeechPlan> PlanSpeechAsync(CallScript script, SimulatedUtterances simulated, ISpeech speech, CancellationToken ct)
    {
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
}
