using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace VikaIvr.Benchmarks.Data;

/// <summary>
/// 99th percentile of the iteration times. BenchmarkDotNet ships P95 and P100 but no P99, and
/// the lookup target (p99 under 1 ms) is stated as a p99.
/// </summary>
internal sealed class P99Column : IColumn
{
    public string Id => "VikaP99";
    public string ColumnName => "P99 [us]";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Statistics;
    public int PriorityInCategory => 10;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "99th percentile of one lookup's time";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var stats = summary[benchmarkCase]?.ResultStatistics;
        if (stats is null) return "NA";
        // Fixed unit: the target is stated in milliseconds and microseconds read it best.
        return (stats.Percentiles.Percentile(99) / 1000.0).ToString("N1", style.CultureInfo);
    }
}
