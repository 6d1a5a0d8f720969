using System.Text.Json;

namespace VikaIvr.Interop.Tests.Harness;

/// <summary>Reads call records through the server's own CLI: `vika cdr --last N --json --data DIR`.</summary>
public static class CdrReader
{
    public static async Task<IReadOnlyList<CallRecordLine>> ReadAsync(ServerProcess server, int last)
    {
        var result = await server.RunCliAsync(
            ["cdr", "--last", last.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json"],
            TimeSpan.FromSeconds(30));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("vika cdr failed: " + result.Describe());
        }

        return Parse(result.StdOut);
    }

    public static IReadOnlyList<CallRecordLine> Parse(string jsonLines)
    {
        var records = new List<CallRecordLine>();
        foreach (var raw in jsonLines.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] != '{')
            {
                continue;
            }

            records.Add(JsonSerializer.Deserialize<CallRecordLine>(line)
                ?? throw new InvalidOperationException("null call record line: " + line));
        }

        return records;
    }

    /// <summary>
    /// Waits (bounded) for the record of one call: records may be written just after the call ends.
    /// </summary>
    public static async Task<CallRecordLine> WaitForAsync(ServerProcess server, Func<CallRecordLine, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        IReadOnlyList<CallRecordLine> seen = [];
        while (true)
        {
            seen = await ReadAsync(server, 50);
            foreach (var record in seen)
            {
                if (match(record) && record.EndedAt is not null)
                {
                    return record;
                }
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException(
                    $"no finished call record matched within {timeout.TotalSeconds:0} s; last records:\n{string.Join('\n', seen)}\n--- server output ---\n{server.Output}");
            }

            await Task.Delay(300);
        }
    }
}
