namespace VikaIvr.Testing.Load;

/// <summary>
/// What the load tester's calls report as they end (thread-safe; a few entries per call, never per
/// packet), and the snapshot of it as a <see cref="LoadReport"/> for the live line and the end.
/// </summary>
public sealed class LoadResults
{
    /// <summary>Distinct failure and expectation messages kept (with counts); more are folded into "other".</summary>
    private const int MaxReasons = 50;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _failures = [];
    private readonly Dictionary<string, int> _expectationFailures = [];
    private readonly List<double> _inviteTo200;
    private readonly List<double> _inviteToFirstRtp;
    private readonly List<double> _streamP99 = [];
    private readonly DeviationHistogram _deviation = new();
    private int _placed;
    private int _answered;
    private int _completed;
    private int _failed;
    private int _endedByServer;
    private long _checked;
    private long _unchecked;
    private long _expectFailed;
    private long _streams;
    private long _packets;
    private long _gaps;
    private long _lost;
    private long _reordered;

    /// <param name="expectedCalls">Calls the run places: the per-call lists are sized for them, so the
    /// receive thread's one entry per call (its first RTP packet) never grows a list.</param>
    public LoadResults(int expectedCalls = 0)
    {
        _inviteTo200 = new List<double>(expectedCalls);
        _inviteToFirstRtp = new List<double>(expectedCalls);
    }

    public void Placed()
    {
        lock (_gate) _placed++;
    }

    public void Answered(double inviteTo200Ms)
    {
        lock (_gate)
        {
            _answered++;
            _inviteTo200.Add(inviteTo200Ms);
        }
    }

    public void FirstRtp(double inviteToFirstRtpMs)
    {
        lock (_gate) _inviteToFirstRtp.Add(inviteToFirstRtpMs);
    }

    /// <summary>A call ended well; <paramref name="byServer"/> when the server hung up first.</summary>
    public void Completed(bool byServer)
    {
        lock (_gate)
        {
            _completed++;
            if (byServer) _endedByServer++;
        }
    }

    public void Failed(string reason)
    {
        lock (_gate)
        {
            _failed++;
            Count(_failures, reason);
        }
    }

    /// <summary>One call's script: expectations checked, expectations not checkable by fingerprint
    /// (what speech says, recording, playback) and its failures ("line N: source — got X").</summary>
    public void Script(int checkedCount, int uncheckedCount, IReadOnlyList<string> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        lock (_gate)
        {
            _checked += checkedCount;
            _unchecked += uncheckedCount;
            _expectFailed += failures.Count;
            foreach (string failure in failures) Count(_expectationFailures, failure);
        }
    }

    public void Stream(StreamTiming timing)
    {
        ArgumentNullException.ThrowIfNull(timing);
        lock (_gate)
        {
            if (timing.Packets == 0) return;
            _streams++;
            _packets += timing.Packets;
            _gaps += timing.Gaps;
            _lost += timing.Lost;
            _reordered += timing.Reordered;
            _deviation.Add(timing.Deviation);
            if (timing.Deviation.Count > 0) _streamP99.Add(timing.Deviation.QuantileMs(0.99));
        }
    }

    public LoadReport Snapshot(TimeSpan elapsed, int active, bool kernelTimestamps)
    {
        lock (_gate)
        {
            var streamP99 = new List<double>(_streamP99);
            streamP99.Sort();
            var timing = new LoadTimingReport(kernelTimestamps, _streams, _packets, _gaps, _lost, _reordered,
                _deviation.QuantileMs(0.50), _deviation.QuantileMs(0.99), _deviation.MaxMs,
                LatencySummary.Quantile(streamP99, 0.5), streamP99.Count == 0 ? 0 : streamP99[^1]);
            return new LoadReport(elapsed, _placed, _answered, _completed, _failed, active, _endedByServer, new Dictionary<string, int>(_failures),
                LatencySummary.Of([.. _inviteTo200]), LatencySummary.Of([.. _inviteToFirstRtp]),
                new LoadExpectationReport(_checked, _expectFailed, _unchecked, new Dictionary<string, int>(_expectationFailures)), timing);
        }
    }

    private static void Count(Dictionary<string, int> counts, string reason)
    {
        if (!counts.ContainsKey(reason) && counts.Count >= MaxReasons) reason = "other";
        counts[reason] = counts.GetValueOrDefault(reason) + 1;
    }
}
