using System.Globalization;

namespace VikaIvr.Interop.Tests.Harness;

/// <summary>The cumulative figures of SIPp's -trace_stat file (its last line).</summary>
public sealed class SippStatistics
{
    private readonly IReadOnlyDictionary<string, string> _fields;

    private SippStatistics(IReadOnlyDictionary<string, string> fields) => _fields = fields;

    public static SippStatistics Empty { get; } = new(new Dictionary<string, string>());

    public int TotalCalls => Int("TotalCallCreated");

    public int SuccessfulCalls => Int("SuccessfulCall(C)");

    public int FailedCalls => Int("FailedCall(C)");

    public int UnexpectedMessages => Int("FailedUnexpectedMessage(C)");

    public int RegexpMismatches => Int("FailedRegexpDoesntMatch(C)");

    public int Retransmissions => Int("Retransmissions(C)");

    /// <summary>SIPp's response time 1 (the rtd="true" mark): cumulative mean, as "HH:MM:SS:mmmmmm".</summary>
    public string? ResponseTime => Get("ResponseTime1(C)");

    public string? Get(string name) => _fields.TryGetValue(name, out var value) ? value : null;

    public static SippStatistics Parse(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 2)
        {
            return Empty;
        }

        var names = lines[0].Split(';');
        var values = lines[^1].Split(';');
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length && i < values.Length; i++)
        {
            if (names[i].Length > 0)
            {
                fields[names[i]] = values[i];
            }
        }

        return new SippStatistics(fields);
    }

    public override string ToString() =>
        $"created {TotalCalls}, successful {SuccessfulCalls}, failed {FailedCalls} (unexpected {UnexpectedMessages}, regexp {RegexpMismatches}), retransmissions {Retransmissions}, response time {ResponseTime}";

    private int Int(string name) =>
        int.TryParse(Get(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
