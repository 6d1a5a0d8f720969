using System.Net;
using Microsoft.Extensions.Logging;

namespace VikaIvr.Sip.Admission;

/// <summary>
/// The user agent's overload policy in one place: the per-source limiter (every request outside a
/// dialog), the call limits (new INVITEs: calls at once, calls per second), readiness for OPTIONS,
/// and the refusal summary. Decides only; the user agent answers.
/// </summary>
public sealed class SipAdmission : IDisposable
{
    private readonly SipAdmissionOptions _options;
    private readonly SipSourceLimiter _sources;
    private readonly SipCallRateLimiter _rate;

    public SipAdmission(SipAdmissionOptions options, ISipReadiness readiness, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Readiness = readiness;
        _sources = new SipSourceLimiter(options.MaxRequestsPerSourcePerSecond, options.SourceBan, options.SourceTableSize, time);
        _rate = new SipCallRateLimiter(options.MaxCallsPerSecond, time);
        Refusals = new SipRefusalSummary(options.SummaryInterval, options.Metrics, time, logger);
    }

    public ISipReadiness Readiness { get; }

    public SipRefusalSummary Refusals { get; }

    /// <summary>Retry-After of a 503, in whole seconds (at least 1).</summary>
    public int RetryAfterSeconds => Seconds(_options.RetryAfter);

    /// <summary>Counts a request outside a dialog; the whole seconds of the source's ban left when refused, else 0.</summary>
    public int CheckSource(IPAddress source) => CheckSource(source, out _);

    /// <summary>As <see cref="CheckSource(IPAddress)"/>; <paramref name="banStarted"/> tells that this request started the ban.</summary>
    public int CheckSource(IPAddress source, out bool banStarted) => Seconds(_sources.Count(source, 1, out banStarted));

    /// <summary>A 2xx of <paramref name="source"/>'s never acknowledged (timer H): counts against its rate; true when that started a ban.</summary>
    public bool OnAckTimeout(IPAddress source)
    {
        _sources.Count(source, _options.AckTimeoutPenalty, out bool banStarted);
        return banStarted;
    }

    /// <summary>The whole seconds of <paramref name="source"/>'s ban left (0 when not banned), without counting a request.</summary>
    public int BanLeftSeconds(IPAddress source) => Seconds(_sources.BanLeft(source));

    /// <summary>Why a new call is refused now, or null to take it; <paramref name="activeCalls"/> are the incoming calls in progress.</summary>
    public SipRefusalReason? CheckNewCall(int activeCalls)
    {
        if (_options.MaxCalls > 0 && activeCalls >= _options.MaxCalls)
        {
            return SipRefusalReason.MaxCalls;
        }

        return _rate.TryTake() ? null : SipRefusalReason.Rate;
    }

    public void Dispose() => Refusals.Dispose();

    private static int Seconds(TimeSpan t) => t <= TimeSpan.Zero ? 0 : Math.Max(1, (int)Math.Ceiling(t.TotalSeconds));
}
