using System.Text.Json.Serialization;

namespace VikaIvr.Interop.Tests.Harness;

/// <summary>One line of `vika cdr --json`: the fields the interop tests rely on.</summary>
public sealed record CallRecordLine
{
    [JsonPropertyName("call_id")]
    public string CallId { get; init; } = string.Empty;

    [JsonPropertyName("caller")]
    public string? Caller { get; init; }

    [JsonPropertyName("called")]
    public string? Called { get; init; }

    [JsonPropertyName("started_at")]
    public string? StartedAt { get; init; }

    [JsonPropertyName("ended_at")]
    public string? EndedAt { get; init; }

    [JsonPropertyName("end_reason")]
    public string? EndReason { get; init; }

    [JsonPropertyName("nodes")]
    public IReadOnlyList<string> Nodes { get; init; } = [];

    [JsonPropertyName("outcome")]
    public string? Outcome { get; init; }

    [JsonPropertyName("ended_by")]
    public string? EndedBy { get; init; }

    [JsonPropertyName("codec")]
    public string? Codec { get; init; }

    [JsonPropertyName("dtmf_methods")]
    public IReadOnlyList<string> DtmfMethods { get; init; } = [];

    /// <summary>The flow's events ("play welcome", "menu main-menu: key 1", "transfer …: accepted …").</summary>
    [JsonPropertyName("events")]
    public IReadOnlyList<string> Events { get; init; } = [];

    /// <summary>Why the flow fell back to system-busy (data store or speech failures).</summary>
    [JsonPropertyName("failures")]
    public IReadOnlyList<string> Failures { get; init; } = [];

    public int CountNode(string id)
    {
        var count = 0;
        foreach (var node in Nodes)
        {
            if (node == id)
            {
                count++;
            }
        }

        return count;
    }

    public override string ToString() =>
        $"call {CallId} {Caller} -> {Called}, end {EndReason}, outcome {Outcome}, nodes [{string.Join(", ", Nodes)}]";
}
