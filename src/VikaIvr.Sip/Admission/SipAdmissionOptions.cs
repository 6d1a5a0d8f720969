namespace VikaIvr.Sip.Admission;

/// <summary>Overload limits at the SIP edge; every limit 0 means none (the defaults: a plain user agent limits nothing).</summary>
public sealed class SipAdmissionOptions
{
    /// <summary>New calls at once (incoming sessions); beyond it an INVITE gets 503 with Retry-After.</summary>
    public int MaxCalls { get; set; }

    /// <summary>New calls per second over the whole server (a token bucket holding one second's worth).</summary>
    public int MaxCallsPerSecond { get; set; }

    /// <summary>Requests outside a dialog per source address per second before the source is banned (pike-like).</summary>
    public int MaxRequestsPerSourcePerSecond { get; set; }

    /// <summary>How long a source over its rate is refused.</summary>
    public TimeSpan SourceBan { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The Retry-After of a 503 for load or drain (RFC 3261 20.33).</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>An answered call whose ACK never came counts as this many requests of its source.</summary>
    public int AckTimeoutPenalty { get; set; } = 10;

    /// <summary>Sources the per-source table holds (fixed: a scanner rotating addresses evicts old ones, never grows it).</summary>
    public int SourceTableSize { get; set; } = 4096;

    /// <summary>How often the refusal summary line is written (only when something was refused).</summary>
    public TimeSpan SummaryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Where refusals are counted as vika.sip.refusals; null: not measured.</summary>
    public SipRefusalMetrics? Metrics { get; set; }
}
