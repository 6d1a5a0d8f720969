namespace VikaIvr.Sip.Admission;

/// <summary>Why a request was refused for load, state or policy (not for being malformed): the tag of vika.sip.refusals.</summary>
public enum SipRefusalReason
{
    /// <summary>Sip:MaxCalls calls in progress.</summary>
    MaxCalls,

    /// <summary>Over Sip:MaxCallsPerSecond over the whole server.</summary>
    Rate,

    /// <summary>The source went over Sip:MaxCallsPerSourcePerSecond and is banned for Sip:SourceBanSeconds.</summary>
    SourceBanned,

    /// <summary>The node drains (stops taking calls before it stops).</summary>
    Draining,

    /// <summary>No RTP port pair free when the call was to be answered.</summary>
    NoPorts,

    /// <summary>The source is outside Sip:AllowFrom (403).</summary>
    NotAllowed,

    /// <summary>An INVITE for a number that is not a service number (404).</summary>
    UnknownNumber,

    /// <summary>A request whose User-Agent is on Sip:DenyUserAgents (dropped unanswered).</summary>
    Scanner,

    /// <summary>A message that could not be parsed (answered 400 when its Via could be read).</summary>
    Malformed,
}
