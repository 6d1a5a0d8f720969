using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace VikaIvr.Tests.Shared;

/// <summary>
/// A meter factory of its own plus a listener on exactly its meters: what a test's instruments
/// recorded, summed per instrument and tag set, without seeing other tests' meters. One file,
/// compiled into each layer suite that measures its instruments (linked from tests/Shared).
/// </summary>
public sealed class MeterCapture : IMeterFactory
{
    private readonly ConcurrentBag<Meter> _meters = [];
    private readonly ConcurrentDictionary<string, double> _sums = new();
    private readonly MeterListener _listener = new();

    public MeterCapture()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (_meters.Contains(instrument.Meter)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();
    }

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        _meters.Add(meter);
        return meter;
    }

    /// <summary>The sum of what <paramref name="instrument"/> recorded with exactly these tags ("k=v" sorted, comma-joined; "" for none).</summary>
    public double Sum(string instrument, string tags = "") => _sums.TryGetValue(instrument + "|" + tags, out var v) ? v : 0;

    public IReadOnlyDictionary<string, double> All => _sums;

    /// <summary>Reads the observable instruments once (their values add to the sums).</summary>
    public void Collect() => _listener.RecordObservableInstruments();

    public void Dispose()
    {
        _listener.Dispose();
        foreach (var m in _meters) m.Dispose();
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var parts = new List<string>();
        foreach (var t in tags) parts.Add($"{t.Key}={t.Value}");
        parts.Sort(StringComparer.Ordinal);
        _sums.AddOrUpdate(instrument.Name + "|" + string.Join(",", parts), value, (_, old) => old + value);
    }
}
