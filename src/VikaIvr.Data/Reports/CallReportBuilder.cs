using VikaIvr.Data.CallRecords;
using VikaIvr.Flows.Model;
using VikaIvr.Flows.Ports;

namespace VikaIvr.Data.Reports;

/// <summary>
/// Folds call records into a <see cref="CallReport"/> one at a time, so a period of any size is read
/// as a stream: per call it keeps only counters, and one number (its handle time) for the
/// percentile. Records that did not start in [from, to) are skipped, so a reader may hand it a
/// wider window. Not thread-safe: one builder per report.
/// </summary>
/// <remarks>
/// The funnel: per node, the calls that entered it (once per call, however often it looped through)
/// and the calls whose last node it was. Ordered along the flow: breadth-first from the flow's start
/// over each node's targets in file order; the flow's nodes no call reached are listed with 0, nodes
/// unreachable in the flow after those, then nodes only older revisions had.
/// </remarks>
public sealed class CallReportBuilder
{
    /// <summary>The longest period a report covers (its hourly histogram has one bar per hour).</summary>
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(31);

    private const string Transferred = "transferred";
    private const string TooManyAttempts = "too-many-attempts";
    private const string CallerHangup = "caller-hangup";

    private readonly FlowDefinition? _flow;
    private readonly DateTimeOffset _from;
    private readonly DateTimeOffset _to;
    private readonly DateTimeOffset _firstHour;
    private readonly int[] _perHour;
    private readonly Dictionary<string, int> _entered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _left = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _dtmf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _outcomes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _endReasons = new(StringComparer.Ordinal);
    private readonly HashSet<string> _callNodes = new(StringComparer.Ordinal);
    private readonly List<long> _handleMs = [];
    private int _calls, _inProgress, _answered, _transferred, _abandoned, _abandonedBeforeAnswer, _withoutDtmf;
    private int _transferCalls, _transferAttempts, _transfersAccepted, _transfersFailed;
    private int _verificationFailures, _callsWithVerificationFailure, _tooManyAttempts, _systemBusy, _callsWithSystemBusy;

    /// <param name="flow">The flow whose order the funnel follows; null: most entered first.</param>
    /// <exception cref="ArgumentException">The period is empty or longer than <see cref="MaxPeriod"/>.</exception>
    public CallReportBuilder(FlowDefinition? flow, DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) throw new ArgumentException($"the period's end ({to:O}) must be after its start ({from:O})", nameof(to));
        if (to - from > MaxPeriod) throw new ArgumentException($"a report covers at most {MaxPeriod.TotalDays:0} days", nameof(to));
        _flow = flow;
        _from = from;
        _to = to;
        _firstHour = new DateTimeOffset(from.Year, from.Month, from.Day, from.Hour, 0, 0, from.Offset);
        _perHour = new int[(int)Math.Ceiling((to - _firstHour).TotalHours)];
    }

    public static CallReport Build(IEnumerable<CallRecord> records, FlowDefinition? flow, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(records);
        var builder = new CallReportBuilder(flow, from, to);
        foreach (var record in records) builder.Add(record);
        return builder.Build();
    }

    /// <summary>Counts one call; false when it did not start in the period (and was skipped).</summary>
    public bool Add(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.StartedAt < _from || record.StartedAt >= _to) return false;
        _perHour[(int)((record.StartedAt - _firstHour).Ticks / TimeSpan.TicksPerHour)]++;
        if (record.EndReason == DbCallRecordStore.InProgress)
        {
            _inProgress++;
            return true;
        }

        _calls++;
        Increment(_outcomes, record.Outcome.Length == 0 ? "none" : record.Outcome);
        Increment(_endReasons, record.EndReason.Length == 0 ? "none" : record.EndReason);
        bool answered = record.AnsweredAt is not null;
        if (answered) AddAnswered(record);
        if (record.Outcome == TooManyAttempts) _tooManyAttempts++;
        if (record.EndedBy == "caller" && (record.Outcome.Length == 0 || record.Outcome == CallerHangup))
        {
            _abandoned++;
            if (!answered) _abandonedBeforeAnswer++;
        }

        AddEvents(record.Events);
        AddPath(record.Nodes);
        return true;
    }

    public CallReport Build()
    {
        var hours = new HourCount[_perHour.Length];
        for (int i = 0; i < hours.Length; i++) hours[i] = new HourCount(_firstHour.AddHours(i), _perHour[i]);

        var funnel = new List<FunnelStep>();
        foreach (var id in FunnelOrder.Of(_flow, _entered))
        {
            funnel.Add(new FunnelStep(id, _entered.GetValueOrDefault(id), _left.GetValueOrDefault(id)));
        }

        var (average, p90) = HandleTimes();
        return new CallReport
        {
            From = _from,
            To = _to,
            Calls = _calls,
            InProgress = _inProgress,
            Answered = _answered,
            Contained = _answered - _transferred,
            Transferred = _transferred,
            TransferCalls = _transferCalls,
            TransferAttempts = _transferAttempts,
            TransfersAccepted = _transfersAccepted,
            TransfersFailed = _transfersFailed,
            Abandoned = _abandoned,
            AbandonedBeforeAnswer = _abandonedBeforeAnswer,
            HandleTimeCalls = _handleMs.Count,
            AverageHandleTime = average,
            P90HandleTime = p90,
            CallsPerHour = hours,
            DtmfMethods = Sorted(_dtmf),
            CallsWithoutDtmf = _withoutDtmf,
            VerificationFailures = _verificationFailures,
            CallsWithVerificationFailure = _callsWithVerificationFailure,
            TooManyAttempts = _tooManyAttempts,
            SystemBusy = _systemBusy,
            CallsWithSystemBusy = _callsWithSystemBusy,
            Funnel = funnel,
            Outcomes = Sorted(_outcomes),
            EndReasons = Sorted(_endReasons),
        };
    }

    private void AddAnswered(CallRecord record)
    {
        _answered++;
        if (record.Outcome == Transferred) _transferred++;
        if (record.EndedAt is { } ended && record.AnsweredAt is { } answeredAt && ended >= answeredAt)
        {
            _handleMs.Add((long)(ended - answeredAt).TotalMilliseconds);
        }

        if (record.DtmfMethods.Count == 0) _withoutDtmf++;
        // A method listed twice in one record still counts the call once.
        for (int i = 0; i < record.DtmfMethods.Count; i++)
        {
            if (record.DtmfMethods.IndexOf(record.DtmfMethods[i]) == i) Increment(_dtmf, record.DtmfMethods[i]);
        }
    }

    private void AddEvents(List<string> events)
    {
        int attempts = 0, notVerified = 0, busy = 0;
        foreach (var e in events)
        {
            if (CallEventText.TransferAccepted(e) is { } accepted)
            {
                attempts++;
                if (accepted) _transfersAccepted++; else _transfersFailed++;
            }
            else if (CallEventText.IsVerificationFailure(e)) notVerified++;
            else if (CallEventText.IsSystemBusy(e)) busy++;
        }

        _transferAttempts += attempts;
        if (attempts > 0) _transferCalls++;
        _verificationFailures += notVerified;
        if (notVerified > 0) _callsWithVerificationFailure++;
        _systemBusy += busy;
        if (busy > 0) _callsWithSystemBusy++;
    }

    private void AddPath(List<string> nodes)
    {
        if (nodes.Count == 0) return;
        _callNodes.Clear();
        foreach (var id in nodes)
        {
            if (_callNodes.Add(id)) Increment(_entered, id);
        }

        Increment(_left, nodes[^1]);
    }

    private (TimeSpan? Average, TimeSpan? P90) HandleTimes()
    {
        if (_handleMs.Count == 0) return (null, null);
        _handleMs.Sort();
        long sum = 0;
        foreach (var ms in _handleMs) sum += ms;
        int rank = (int)Math.Ceiling(0.9 * _handleMs.Count);
        return (TimeSpan.FromMilliseconds((double)sum / _handleMs.Count), TimeSpan.FromMilliseconds(_handleMs[rank - 1]));
    }

    private static void Increment(Dictionary<string, int> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static NamedCount[] Sorted(Dictionary<string, int> counts)
    {
        var list = new NamedCount[counts.Count];
        int i = 0;
        foreach (var (name, calls) in counts) list[i++] = new NamedCount(name, calls);
        Array.Sort(list, (a, b) => a.Calls != b.Calls ? b.Calls.CompareTo(a.Calls) : string.CompareOrdinal(a.Name, b.Name));
        return list;
    }
}
