using VikaIvr.Sip.Admission;
using VikaIvr.Sip.Auth;
using VikaIvr.Sip.Core.SessionTimers;

namespace VikaIvr.Sip.Core;

/// <summary>Routing, refusal and call policy of <see cref="SipUserAgent"/>.</summary>
public sealed class SipUserAgentOptions
{
    /// <summary>Request-URI users that are answered; other INVITEs get 404. Empty accepts every number.</summary>
    public IList<string> ServiceNumbers { get; set; } = ["165", "021165", "+6221165", "6221165"];

    /// <summary>Allowed source networks in CIDR form (<c>10.0.0.0/8</c>, <c>::1/128</c>, or a single address); empty allows all.</summary>
    public IList<string> AllowedSources { get; set; } = [];

    /// <summary>
    /// Service numbers answered only from the given sources (number → CIDR list, e.g. the operator line);
    /// to any other source the number is unknown: 404 and the unknown-number event, like a number not served.
    /// </summary>
    public IDictionary<string, IList<string>> RestrictedNumbers { get; set; } = new Dictionary<string, IList<string>>();

    /// <summary>Calls are ended with BYE after this long; null for no limit.</summary>
    public TimeSpan? MaxCallDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a REFER waits for its final NOTIFY.</summary>
    public TimeSpan TransferTimeout { get; set; } = TimeSpan.FromSeconds(32);

    /// <summary>Host for Via and Contact (the public address); null uses the local address the request arrived on.</summary>
    public string? ContactHost { get; set; }

    /// <summary>Option tags we support; a Require naming another gets 420.</summary>
    public IList<string> SupportedOptionTags { get; set; } = [];

    /// <summary>Content types in Accept of an OPTIONS answer.</summary>
    public IList<string> AcceptedContentTypes { get; set; } = ["application/sdp", "application/dtmf-relay", "message/sipfrag"];

    /// <summary>Written as User-Agent on the requests this agent sends (empty: no User-Agent).</summary>
    public string UserAgentName { get; set; } = "VikaIvr";

    /// <summary>Written as Server on responses; empty (the default) writes none, so a scanner learns no product name.</summary>
    public string ServerHeader { get; set; } = "";

    /// <summary>
    /// Sources whose Via <c>maddr</c> is honoured (CIDR); for everyone else responses go to the
    /// transport source (RFC 3581 style), so a forged maddr cannot reflect responses elsewhere.
    /// </summary>
    public IList<string> TrustedProxies { get; set; } = [];

    /// <summary>
    /// Case-insensitive substrings of User-Agent that mark a scanner: its requests are dropped
    /// without an answer, counted and logged as a security event.
    /// </summary>
    public IList<string> DenyUserAgents { get; set; } = [.. DefaultDenyUserAgents];

    /// <summary>Known SIP scanners' User-Agent fragments (sipvicious and friends).</summary>
    public static IReadOnlyList<string> DefaultDenyUserAgents { get; } =
        ["friendly-scanner", "sipvicious", "sipcli", "sip-scan", "VaxSIPUserAgent", "pplsip", "iWar", "sundayddr", "SIPScan", "VoIPScan"];

    /// <summary>False for a user agent that only places calls (a test caller): new INVITEs get 486.</summary>
    public bool AnswerCalls { get; set; } = true;

    /// <summary>When set, new INVITEs must carry valid digest credentials (401 with WWW-Authenticate otherwise).</summary>
    public SipDigestServer? InviteAuthentication { get; set; }

    /// <summary>Overload limits at the edge (calls at once, calls per second, per-source rate and ban, Retry-After); none by default.</summary>
    public SipAdmissionOptions Admission { get; set; } = new();

    /// <summary>Read on every OPTIONS: 200 when ready, 503 with Retry-After when not (a dispatcher's probe follows it).</summary>
    public ISipReadiness Readiness { get; set; } = new SipAlwaysReady();

    /// <summary>RFC 4028 session timers on the calls we answer ("timer" is then a supported option tag); null: off.</summary>
    public SipSessionTimerOptions? SessionTimers { get; set; } = new();

    /// <summary>Where the user agent counts what it sends (INVITE responses by status); null: not counted.</summary>
    public SipMetrics? Metrics { get; set; }
}
