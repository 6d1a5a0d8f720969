using System.Globalization;
using System.Net;
using VikaIvr.Sip.Admission;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Core;

/// <summary>The overload answers of <see cref="SipUserAgent"/>: a banned source, OPTIONS while not ready.</summary>
public sealed partial class SipUserAgent
{
    /// <summary>A 503 for load or state (RFC 3261 20.33: with Retry-After), counted in the refusal summary.</summary>
    internal SipResponse CreateUnavailable(SipRequest request, SipRefusalReason reason, IPAddress? source, int retryAfterSeconds, string? toTag = null)
    {
        Admission.Refusals.Record(reason, source);
        var response = CreateResponse(request, 503, null, toTag);
        response.Headers.Add(SipHeaderId.RetryAfter, retryAfterSeconds.ToString(CultureInfo.InvariantCulture));
        return response;
    }

    /// <summary>
    /// A banned source: an INVITE gets 503 with Retry-After = the ban left, sent without a
    /// transaction (a flood costs no timers; a retransmission is answered again); anything else is
    /// dropped unanswered, as pike does, so a scanner learns nothing and costs one counter.
    /// </summary>
    private void RefuseBannedSource(SipRequest request, SipEndPoint source, int banSeconds)
    {
        if (request.Method != SipMethods.Invite)
        {
            return;
        }

        var response = CreateUnavailable(request, SipRefusalReason.SourceBanned, source.Address.Address, banSeconds);
        SipResponseRouter.StampTopVia(response, source);
        _transport.Send(response, Transactions.ResponseDestination(request.TopVia, source));
    }

    /// <summary>
    /// <paramref name="source"/> was just banned: every call of its still waiting for the ACK of our
    /// 2xx is abandoned (see <see cref="SipInviteSession.AbandonUnacknowledged"/>), so a flood's
    /// answered INVITEs give their media back now, not at timer H. Once per ban, never per request:
    /// the scan over the session table is what a ban costs. Holds no lock; each session takes its own.
    /// </summary>
    internal void AbandonUnacknowledged(IPAddress source)
    {
        int abandoned = 0;
        // Enumerating the dictionary itself takes none of its locks (Values would take them all to copy).
        foreach (var (_, session) in _sessions)
        {
            if (session.IsIncoming && session.Remote.Address.Address.Equals(source) && session.AbandonUnacknowledged())
            {
                abandoned++;
            }
        }

        if (abandoned > 0)
        {
            Log.AbandonedOnBan(source, abandoned);
        }
    }

    /// <summary>As <see cref="AbandonUnacknowledged"/>, from a session's lock (the timer-H penalty banned the source): on the thread pool.</summary>
    internal void AbandonUnacknowledgedLater(IPAddress source) =>
        ThreadPool.UnsafeQueueUserWorkItem(static s => s.Agent.AbandonUnacknowledged(s.Source), (Agent: this, Source: source), preferLocal: false);

    /// <summary>
    /// A request from a scanner's User-Agent: counted against its source (a scanning flood is
    /// banned like any other) and dropped unanswered, so the scanner cannot tell a server is here.
    /// </summary>
    private void DropScanner(SipRequest request, SipEndPoint source)
    {
        var address = source.Address.Address;
        if (Admission.CheckSource(address, out bool banStarted) > 0)
        {
            if (banStarted)
            {
                OnBanStarted(source, request.Method);
            }

            return;
        }

        Admission.Refusals.Record(SipRefusalReason.Scanner, address);
        if (Security.IsEnabled)
        {
            Security.Event(SipSecurityLog.ScannerDropped, source.Address, "method=" + request.Method + " user-agent=" + request.Headers.Get(SipHeaderId.UserAgent));
        }
    }

    /// <summary>A request of <paramref name="source"/> just started its ban: one security event, and its unacknowledged calls end.</summary>
    internal void OnBanStarted(SipEndPoint source, string method)
    {
        if (Security.IsEnabled)
        {
            Security.Event(SipSecurityLog.SourceBanned, source.Address,
                "method=" + method + " ban=" + Admission.BanLeftSeconds(source.Address.Address).ToString(CultureInfo.InvariantCulture) + "s");
        }

        AbandonUnacknowledged(source.Address.Address);
    }

    /// <summary>OPTIONS while not ready (draining, or a check failing): 503 so a dispatcher's probe takes us out of rotation.</summary>
    private SipResponse CreateNotReady(SipRequest request)
    {
        var response = CreateResponse(request, 503);
        response.Headers.Add(SipHeaderId.RetryAfter, Admission.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture));
        return response;
    }
}
