using System.Globalization;
using System.Text.Json;
using VikaIvr.Interop.Tests.Harness;

namespace VikaIvr.Interop.Tests.Cluster;

/// <summary>
/// Reads a cluster's call records through the server's own CLI (`vika cdr --json`): with SQLite
/// each node's database, with PostgreSQL the one shared database (every record names its node).
/// </summary>
public static class ClusterCallRecords
{
    /// <summary>The names the node id may have in `vika cdr --json` (the first present wins).</summary>
    private static readonly string[] NodeIdFields = ["node_id", "node"];

    public static async Task<IReadOnlyList<ClusterCallRecord>> ReadAsync(LocalCluster cluster, int last = 2000)
    {
        var records = new List<ClusterCallRecord>();
        if (cluster.Provider == ClusterProvider.Postgres)
        {
            var environment = new Dictionary<string, string>
            {
                ["VIKA_Data__Provider"] = ClusterProvider.Postgres,
                ["VIKA_Data__ConnectionString"] = cluster.ConnectionString ?? throw new InvalidOperationException("no connection string in cluster.env"),
            };
            foreach (var json in await CdrAsync(cluster.Nodes[0].DataDir, last, environment))
            {
                var nodeId = NodeId(json) ?? throw new InvalidOperationException($"a call record in PostgreSQL names no node ({string.Join('/', NodeIdFields)}): {json}");
                records.Add(Record(json, nodeId));
            }
        }
        else
        {
            foreach (var node in cluster.Nodes)
            {
                foreach (var json in await CdrAsync(node.DataDir, last, new Dictionary<string, string>()))
                {
                    records.Add(Record(json, node.Id));
                }
            }
        }

        return records;
    }

    /// <summary>Waits (bounded) until every one of <paramref name="callIds"/> has a finished record; all records read last.</summary>
    public static async Task<IReadOnlyList<ClusterCallRecord>> WaitForAsync(LocalCluster cluster, IReadOnlyCollection<string> callIds, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var records = await ReadAsync(cluster);
            var finished = records.Where(r => r.EndedAt is not null).Select(r => r.CallId).ToHashSet(StringComparer.Ordinal);
            if (callIds.All(finished.Contains) || DateTime.UtcNow >= deadline)
            {
                return records;
            }

            await Task.Delay(500);
        }
    }

    private static async Task<List<string>> CdrAsync(string dataDir, int last, Dictionary<string, string> environment)
    {
        environment["VIKA_HOME"] = RepoPaths.Root;
        var result = await ProcessRunner.RunAsync(
            "dotnet",
            [RepoPaths.VikaDll, "cdr", "--last", last.ToString(CultureInfo.InvariantCulture), "--json", "--data", dataDir],
            TimeSpan.FromSeconds(60),
            RepoPaths.Root,
            environment);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("vika cdr failed: " + result.Describe());
        }

        return result.StdOut.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('{')).ToList();
    }

    private static ClusterCallRecord Record(string json, string nodeId)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new ClusterCallRecord(
            nodeId,
            NodeId(root),
            root.GetProperty("call_id").GetString() ?? string.Empty,
            DateTimeOffset.Parse(root.GetProperty("started_at").GetString()!, CultureInfo.InvariantCulture),
            Time(root, "answered_at"),
            Time(root, "ended_at"),
            root.TryGetProperty("end_reason", out var reason) ? reason.GetString() : null);
    }

    private static DateTimeOffset? Time(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture)
            : null;

    private static string? NodeId(string json)
    {
        using var document = JsonDocument.Parse(json);
        return NodeId(document.RootElement);
    }

    private static string? NodeId(JsonElement root)
    {
        foreach (var name in NodeIdFields)
        {
            if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } id)
            {
                return id;
            }
        }

        return null;
    }
}
