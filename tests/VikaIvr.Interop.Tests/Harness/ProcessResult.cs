namespace VikaIvr.Interop.Tests.Harness;

/// <summary>How an external program ended and what it printed.</summary>
public sealed record ProcessResult(int ExitCode, string StdOut, string StdErr, bool TimedOut)
{
    public string Describe() =>
        $"exit {ExitCode}{(TimedOut ? " (killed after timeout)" : string.Empty)}\n--- stdout ---\n{Tail(StdOut)}\n--- stderr ---\n{Tail(StdErr)}";

    private static string Tail(string text) => text.Length <= 4000 ? text : "…" + text[^4000..];
}
