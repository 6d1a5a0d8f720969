using System.Diagnostics.Metrics;

namespace VikaIvr.Data;

/// <summary>
/// The store's instrument: <c>vika.db.errors</c> (counter, tag <c>operation</c>: participant-lookup,
/// call-record, prompt-version), on the meter "VikaIvr" from the host's <see cref="IMeterFactory"/>.
/// </summary>
public sealed class DataMetrics
{
    public const string MeterName = "VikaIvr";

    private readonly Counter<long> _errors;

    public DataMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _errors = meter.CreateCounter<long>("vika.db.errors", unit: "{error}", description: "Store operations that failed (unavailable, locked, corrupt)");
    }

    public void Error(string operation) => _errors.Add(1, new KeyValuePair<string, object?>("operation", operation));
}
