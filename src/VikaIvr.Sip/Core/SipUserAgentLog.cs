using Microsoft.Extensions.Logging;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Core;

/// <summary>The SIP core's log lines, source-generated: the receive path formats nothing unless the level is on.</summary>
internal sealed partial class SipUserAgentLog(ILogger logger)
{
    private readonly ILogger _logger = logger;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sip stray response {Status} from {Source} dropped")]
    public partial void StrayResponse(int status, SipEndPoint source);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sip malformed message from {Source}: {Status} {Reason}")]
    public partial void Malformed(SipEndPoint source, int status, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sip malformed message from {Source} could not be answered: {Reason}")]
    public partial void MalformedUnanswerable(SipEndPoint source, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sip call {CallId} to {Called} from {Source}")]
    public partial void IncomingCall(string callId, string called, SipEndPoint source);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sip dialing {Target} via {Destination}")]
    public partial void Dialing(string target, SipEndPoint destination);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sip call {CallId} ended: {End}")]
    public partial void SessionEnded(string callId, SipSessionEnd end);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sip call {CallId}: no ACK for the 2xx; ending it")]
    public partial void AckTimeout(string callId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sip source {Source} banned: {Count} answered calls never acknowledged abandoned (no BYE)")]
    public partial void AbandonedOnBan(System.Net.IPAddress source, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sip application failed on re-INVITE {CallId}")]
    public partial void ReinviteFailed(string callId, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sip REFER outcome callback failed on {CallId}")]
    public partial void ReferOutcomeFailed(string callId, Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sip call {CallId}: no session refresh within {Seconds} s (RFC 4028); ending it with BYE")]
    public partial void SessionExpired(string callId, int seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sip call {CallId}: our session refresh ({Method}) got {Status}; ending it with BYE")]
    public partial void RefreshFailed(string callId, string method, int status);
}
