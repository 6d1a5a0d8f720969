using VikaIvr.Flows.Model;

namespace VikaIvr.Flows.Scripting;

/// <summary>
/// Runs call scripts one after another through the one <see cref="ScriptInterpreter"/>, each with a
/// fresh <see cref="IScriptCaller"/>: simulated (a flow on a virtual clock, without audio or network)
/// or, with a caller factory, real calls.
/// </summary>
public sealed class ScriptRunner
{
    private readonly Func<CallScript, CancellationToken, ValueTask<IScriptCaller>> _callerFor;

    /// <summary>Simulated: every script runs <paramref name="flow"/>, whatever number it calls.</summary>
    public ScriptRunner(FlowDefinition flow, ScriptRunnerOptions options)
        : this(Simulated(_ => flow ?? throw new ArgumentNullException(nameof(flow)), options))
    {
        ArgumentNullException.ThrowIfNull(flow);
    }

    /// <summary>Simulated: the called number picks the flow, as on the server (the operator line runs the
    /// recording flow); a number no flow answers fails the script.</summary>
    public ScriptRunner(Func<string, FlowDefinition?> flowFor, ScriptRunnerOptions options)
        : this(Simulated(flowFor ?? throw new ArgumentNullException(nameof(flowFor)), options))
    {
    }

    /// <summary>Each script's call through the caller <paramref name="callerFor"/> makes for it.</summary>
    public ScriptRunner(Func<CallScript, CancellationToken, ValueTask<IScriptCaller>> callerFor)
    {
        _callerFor = callerFor ?? throw new ArgumentNullException(nameof(callerFor));
    }

    /// <summary>Parses and runs a script file; a parse error is a failed result (with its lines), not an exception.</summary>
    public async Task<ScriptResult> RunFileAsync(string path, CancellationToken ct = default)
    {
        CallScript script;
        try
        {
            script = ScriptParser.ParseFile(path);
        }
        catch (ScriptParseException ex)
        {
            return new ScriptResult(path, ex.Errors, []);
        }
        catch (IOException ex)
        {
            return new ScriptResult(path, [new ScriptError(path, 0, "a readable script", ex.Message)], []);
        }

        return await RunAsync(script, ct);
    }

    public async Task<IReadOnlyList<ScriptResult>> RunFilesAsync(IEnumerable<string> paths, CancellationToken ct = default)
    {
        var results = new List<ScriptResult>();
        foreach (string p in paths) results.Add(await RunFileAsync(p, ct));
        return results;
    }

    public async Task<ScriptResult> RunAsync(CallScript script, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        await using var caller = await _callerFor(script, ct);
        return await ScriptInterpreter.RunAsync(script, caller, ct);
    }

    private static Func<CallScript, CancellationToken, ValueTask<IScriptCaller>> Simulated(Func<string, FlowDefinition?> flowFor, ScriptRunnerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (script, _) => ValueTask.FromResult<IScriptCaller>(new SimulatedCaller(flowFor, options, script.File));
    }
}
