using System.Text;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Flows.Scripting;

/// <summary>The outcome of one script: pass/fail, failures with file and line, and a readable transcript.</summary>
public sealed record ScriptResult(string File, IReadOnlyList<ScriptError> Failures, IReadOnlyList<string> Transcript)
{
    public string Name => Path.GetFileNameWithoutExtension(File);
    public bool Passed => Failures.Count == 0;
    public CallRecord? Record { get; init; }

    /// <summary>Virtual length of the call.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Expectations the interpreter matched against what the caller noticed (met or not).</summary>
    public int Checked { get; init; }

    /// <summary>Expectations reached that the caller cannot notice (<see cref="IScriptCaller.CanCheck"/>): neither met nor failed.</summary>
    public int Unchecked { get; init; }

    /// <summary>Transcript then verdict, as `vika simulate` prints it.</summary>
    public string Format()
    {
        var sb = new StringBuilder();
        sb.Append("== ").Append(File).AppendLine();
        foreach (string line in Transcript) sb.Append("  ").AppendLine(line);
        if (Unchecked > 0) sb.Append("  (").Append(Unchecked).AppendLine(" expectations not checkable by this caller)");
        if (Passed) sb.AppendLine("PASS");
        else
        {
            foreach (var f in Failures) sb.Append("FAIL ").AppendLine(f.ToString());
        }

        return sb.ToString();
    }
}
