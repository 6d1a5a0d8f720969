using System.Text;
using System.Text.Json;
using Dapper;

namespace VikaIvr.Data.CallRecords;

/// <summary>
/// The SQL of a <see cref="CallRecordQuery"/>: one text for SQLite and PostgreSQL alike, so both
/// providers answer the same question the same way (the tests run it on both).
/// </summary>
internal static class CallRecordQuerySql
{
    /// <summary>The shared record columns and then the row id (the paging cursor): Dapper splits the row on it.</summary>
    public static readonly string Select = CallRecordRowMapping.Select.Replace("FROM call_records", "    , id AS Id\nFROM call_records", StringComparison.Ordinal);

    public const string SplitOn = "Id";

    // nodes is a JSON array written by System.Text.Json without spaces (["a","b"]); with its brackets
    // made commas (,"a","b",) each element is exactly ,"id", — a node id matches whole, never as a
    // part of a longer id. replace() is used rather than LIKE (case-insensitive on SQLite) or the
    // providers' different JSON functions.
    private const string DelimitedNodes = "(',' || substr(nodes, 2, length(nodes) - 2) || ',')";

    private const string CursorTime = "(SELECT c.started_at FROM call_records c WHERE c.id = @Cursor)";

    /// <summary>The page's SQL (one row more than the page, to tell whether another page follows) and its parameters.</summary>
    public static (string Sql, DynamicParameters Parameters) Page(CallRecordQuery query)
    {
        var sql = new StringBuilder(Select).Append("\nWHERE 1 = 1");
        var parameters = new DynamicParameters();
        if (query.From is { } from)
        {
            sql.Append(" AND started_at >= @From");
            parameters.Add("From", CallRecordRowMapping.Time(from));
        }

        if (query.To is { } to)
        {
            sql.Append(" AND started_at < @To");
            parameters.Add("To", CallRecordRowMapping.Time(to));
        }

        if (query.Outcome is { } outcome)
        {
            sql.Append(" AND outcome = @Outcome");
            parameters.Add("Outcome", outcome);
        }

        if (query.EndReason is { } endReason)
        {
            sql.Append(" AND end_reason = @EndReason");
            parameters.Add("EndReason", endReason);
        }

        if (query.Node is { } node)
        {
            sql.Append(" AND replace(").Append(DelimitedNodes).Append(", @Node, '') <> ").Append(DelimitedNodes);
            parameters.Add("Node", "," + JsonSerializer.Serialize(node) + ",");
        }

        // Newest first by start time; rows that started in the same tick keep a fixed order by id.
        if (query.Before is { } before)
        {
            sql.Append(" AND (started_at < ").Append(CursorTime).Append(" OR (started_at = ").Append(CursorTime).Append(" AND id < @Cursor))");
            parameters.Add("Cursor", before);
            sql.Append("\nORDER BY started_at DESC, id DESC");
        }
        else if (query.After is { } after)
        {
            sql.Append(" AND (started_at > ").Append(CursorTime).Append(" OR (started_at = ").Append(CursorTime).Append(" AND id > @Cursor))");
            parameters.Add("Cursor", after);
            sql.Append("\nORDER BY started_at ASC, id ASC");
        }
        else
        {
            sql.Append("\nORDER BY started_at DESC, id DESC");
        }

        sql.Append(" LIMIT @Limit");
        parameters.Add("Limit", query.PageSize + 1);
        return (sql.ToString(), parameters);
    }
}
