using VikaIvr.Flows.Model;

namespace VikaIvr.Flows.Scripting;

/// <summary>Runs call scripts against a flow on a virtual clock, without audio or network.</summary>
public sealed class ScriptRunner
{
    private readonly Func<string, FlowDefinition?> _flowFor;
    private readonly ScriptRunnerOptions _options;

    /// <summary>Every script runs <paramref name="flow"/>, whatever number it calls.</summary>
    public ScriptRunner(FlowDefinition flow, ScriptRunnerOptions options)
    {
        ArgumentNullException.ThrowIfNull(flow);
        _flowFor = _ => flow;
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>The called number picks the flow, as on the server (the operator line runs the recording
    /// flow); a number no flow answers fails the script.</summary>
    public ScriptRunner(Func<string, FlowDefinition?> flowFor, ScriptRunnerOptions options)
    {
        _flowFor = flowFor ?? throw new ArgumentNullException(nameof(flowFor));
        _options = options ?? throw new ArgumentNullException(nameof(options));
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

    public Task<ScriptResult> RunAsync(CallScript script, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        return new ScriptExecution(_flowFor, _options, script, ct).RunAsync();
    }
}
