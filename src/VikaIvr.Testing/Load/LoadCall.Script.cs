using System.Globalization;
using VikaIvr.Flows.Scripting;
using VikaIvr.Testing.Caller;

namespace VikaIvr.Testing.Load;

/// <summary>
/// A call script on a load call: the one script interpreter (<see cref="ScriptInterpreter"/>) runs
/// it against a <see cref="LoadScriptCaller"/>, which notices prompts by fingerprint, the server's BYE
/// and REFER; the expectations it cannot notice (speech, recording, playback) are counted as not
/// checkable. A script still running after <see cref="LoadOptions.Duration"/> fails the call.
/// </summary>
internal sealed partial class LoadCall
{
    private async Task<string?> FollowScriptAsync(TestCaller caller, CallScript script, LoadScriptCaller scripted, CancellationToken ct)
    {
        using var cap = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cap.CancelAfter(options.Duration);
        scripted.Attach(new TestCallerControl(caller));
        ScriptResult result;
        try
        {
            result = await ScriptInterpreter.RunAsync(script, scripted, cap.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return "script-over-duration";
        }

        results.Script(result.Checked, result.Unchecked, [.. result.Failures.Select(f => Describe(script, f))]);
        return null;
    }

    /// <summary>"line N: source — got X", the same on every call that fails the same way (no times), so failures add up.</summary>
    internal static string Describe(CallScript script, ScriptError failure)
    {
        string source = script.Statements.FirstOrDefault(s => s.Line == failure.Line)?.Source.Trim() ?? "expected " + failure.Expected;
        string instead = failure.Got is { } got ? "got " + got.Describe() : failure.Actual;
        return string.Create(CultureInfo.InvariantCulture, $"line {failure.Line}: {source} — {instead}");
    }
}
