namespace VikaIvr.Interop.Tests.Harness;

/// <summary>How a SIPp run ended: its exit code (0 = every call succeeded), figures and error log.</summary>
public sealed record SippResult(ProcessResult Process, SippStatistics Statistics, string ErrorLog, string MessageLog)
{
    public int ExitCode => Process.ExitCode;

    public bool AllSucceeded(int calls) => ExitCode == 0 && Statistics.SuccessfulCalls == calls && Statistics.FailedCalls == 0;

    public string Describe() =>
        $"SIPp {Process.Describe()}\n--- statistics ---\n{Statistics}\n--- error log ---\n{Tail(ErrorLog)}\n--- messages ---\n{Tail(MessageLog)}";

    private static string Tail(string text) => text.Length <= 6000 ? text : "…" + text[^6000..];
}
