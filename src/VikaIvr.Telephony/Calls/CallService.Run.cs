using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using VikaIvr.Flows.Digits;
using VikaIvr.Flows.Ports;
using VikaIvr.Media.Net;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Sdp;
using VikaIvr.Media.Session;
using VikaIvr.Media.Srtp;
using VikaIvr.Sip.Admission;
using VikaIvr.Sip.Core;
using VikaIvr.Telephony.Digits;
using VikaIvr.Telephony.Media;

namespace VikaIvr.Telephony.Calls;

public sealed partial class CallService
{
    /// <summary>
    /// One call from the INVITE to its record: SDP offer/answer (early and late offer, re-INVITE
    /// through the session), the media session, the application, the BYE when it returns.
    /// </summary>
    private sealed class CallRun(CallService service, SipInviteSession session) : IWatchedMedia, ISipReinviteHandler
    {
        // Made only when the stop waits for this call (ShutdownAsync); the run's end completes it.
        private TaskCompletionSource? _finished;
        private int _done;
        private volatile bool _shutdown;
        private TelephonyCall? _call;
        private CallRecord? _record;
        private SdpOfferAnswer? _offerAnswer;
        private bool _watched;
        private bool _finishing;

        public async Task RunAsync()
        {
            service.Metrics?.Started();
            try
            {
                if (await AnswerAsync().ConfigureAwait(false))
                {
                    service.Metrics?.Answered();
                    var call = _call!;
                    if (service._watchdog is { } watchdog)
                    {
                        watchdog.Watch(this);
                        _watched = true;
                    }

                    // The application runs in this frame (no state machine of its own for every call).
                    try
                    {
                        // The service's token is the graceful stop; the call's own Ended token tells the application about hangups.
                        await service._application.RunAsync(call, _record!, service._stopping.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (call.Ended.IsCancellationRequested || service._stopping.IsCancellationRequested)
                    {
                    }
                    catch (Exception ex)
                    {
                        _record!.Failures.Add("application: " + ex.GetType().Name);
                        service.LogApplicationFailed(session.CallId, ex);
                    }

                    Hangup();
                }

                if (_record is not null)
                {
                    await FinishAsync(await session.Completion.ConfigureAwait(false)).ConfigureAwait(false);
                }
            }
            catch (Exception ex)
            {
                service.LogSetupFailed(session.CallId, ex);
                if (!session.Reject(500))
                {
                    Hangup();
                }

                // The call still leaves its record and gives back its media (ports, receiver, pacer slot).
                if (_record is not null && !_finishing)
                {
                    _record.Failures.Add("setup: " + ex.GetType().Name);
                    await FinishAsync(await session.Completion.ConfigureAwait(false)).ConfigureAwait(false);
                }
            }
            finally
            {
                service.Metrics?.Finished();
                service._live.TryRemove(this, out _);
                // Fenced both ways (with ShutdownAsync's exchange and read): either it sees the run done or the run sees its source.
                Interlocked.Exchange(ref _done, 1);
                Volatile.Read(ref _finished)?.TrySetResult();
                service.OnCallGone();
            }
        }

        /// <summary>The graceful stop of this call: its application is already told (the service token); end it with BYE and wait for its record.</summary>
        public async Task ShutdownAsync()
        {
            _shutdown = true;
            Hangup();
            var made = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var finished = Interlocked.CompareExchange(ref _finished, made, null) ?? made;
            if (Volatile.Read(ref _done) == 0)
            {
                await finished.Task.ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Answers the INVITE; true when the call was acknowledged and media can run. Awaited once,
        /// by <see cref="RunAsync"/>, and over at the ACK: its state machine comes from a pool
        /// instead of being allocated for every call.
        /// </summary>
        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
        private async ValueTask<bool> AnswerAsync()
        {
            var options = service._options;
            if (options.AnswerDelay > TimeSpan.Zero)
            {
                // Ring first, holding no RTP port: a call takes its ports only when it is answered.
                _record = NewRecord();
                session.SendProvisional(180);
                try
                {
                    await Task.Delay(options.AnswerDelay, service._time, session.Ended).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // CANCEL: the session answered 487 and ended; the record says so.
                    return false;
                }
            }

            var sdpAddress = options.MediaAddress ?? service._localAddresses.Find(session.Remote.Address.Address);
            uint ssrc = MediaSession.NewSsrc();
            var (lease, offerAnswer, media, refused) = AnswerOnSharedPort(sdpAddress, ssrc);
            if (refused)
            {
                return false;
            }

            if (lease is null)
            {
                var bind = options.RtpBindAddress ?? (options.MediaAddress is null ? sdpAddress : AnyFor(sdpAddress));
                try
                {
                    lease = service._ports.Allocate(bind);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    service.LogNoPorts(session.CallId, ex.Message);
                    session.RejectUnavailable(SipRefusalReason.NoPorts);
                    return false;
                }

                offerAnswer = new SdpOfferAnswer(service._sdpOptions, sdpAddress, lease.Port);
                if (session.Offer is { } offer)
                {
                    var result = offerAnswer.Answer(offer.Content.Span);
                    if (!result.Success)
                    {
                        lease.Dispose();
                        RejectOffer(result);
                        return false;
                    }

                    media = result.Media;
                }
                else
                {
                    offerAnswer.CreateOffer();
                }
            }

            var digits = new DigitQueue(service._time);
            MediaSession mediaSession;
            try
            {
                mediaSession = service.CreateMedia(lease, new Rfc4733DigitSink(digits), ssrc);
            }
            catch
            {
                lease.Dispose();
                throw;
            }

            var call = new TelephonyCall(session, mediaSession, service._clips, digits, service._time);
            _call = call;
            _offerAnswer = offerAnswer!;
            _record ??= NewRecord();
            session.ReinviteHandler = this;
            if (media is not null)
            {
                StartMedia(media);
            }

            _record.AnsweredAt = service._time.GetUtcNow();
            if (!session.Accept(Sdp(offerAnswer!)))
            {
                return false;
            }

            // Crash safety: the answered call has its row ("in-progress") before its end is known; queued, never awaited.
            _ = service._records.OpenAsync(_record, CancellationToken.None);

            SipBody? ack;
            var acknowledged = session.Acknowledged;
            var early = acknowledged.IsCompleted;
            try
            {
                ack = await acknowledged.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return false; // no ACK (timer H) or the call ended first
            }

            if (early)
            {
                // The ACK beat us here: leave the accept loop before the application runs.
                await Task.Yield();
            }

            if (call.Media.Media is null)
            {
                var result = ack is null || ack.Content.IsEmpty ? null : offerAnswer!.ApplyAnswer(ack.Text);
                if (result is not { Success: true, Media: { } answered })
                {
                    service.LogNoAnswer(session.CallId);
                    Hangup();
                    return false;
                }

                StartMedia(answered);
            }

            return true;
        }

        /// <summary>
        /// With Media:SharedRtpPort, answers an offer on the shared port when its sender can be told
        /// apart there (an address no other call's media come from, or an announced SSRC); a null
        /// lease when the call needs a port of its own (no offer, hold, or not told apart).
        /// </summary>
        private (RtpPortLease? Lease, SdpOfferAnswer? OfferAnswer, NegotiatedMedia? Media, bool Refused) AnswerOnSharedPort(IPAddress sdpAddress, uint ssrc)
        {
            if (service.SharedPort is not { } shared || session.Offer is not { } offer)
            {
                return default;
            }

            var offerAnswer = new SdpOfferAnswer(service._sdpOptions, sdpAddress, shared.Port) { LocalSsrc = ssrc, LocalCname = service._options.Media.Cname };
            var result = offerAnswer.Answer(offer.Content.Span);
            if (!result.Success)
            {
                RejectOffer(result);
                return (null, null, null, true);
            }

            var media = result.Media!;
            var lease = shared.Lease();
            if (media.RemoteEndPoint is null || !lease.TryBind(media.RemoteEndPoint, media.RemoteRtcpEndPoint, media.RemoteSsrc ?? 0))
            {
                lease.Dispose();
                return default;
            }

            return (lease, offerAnswer, media, false);
        }

        private void RejectOffer(SdpNegotiationResult result)
        {
            RefusedForPolicy(result);
            session.Reject(488, result.Reason ?? "Not Acceptable Here");
        }

        private CallRecord NewRecord() => new() { CallId = session.CallId, Caller = session.Caller, Called = session.Called, StartedAt = session.StartedAt };

        /// <summary>Ends the call (BYE, or 480 to an INVITE not answered yet) without waiting for the BYE's answer: the session is over on our side at once.</summary>
        private void Hangup()
        {
            if (session.Ended.IsCancellationRequested)
            {
                return;
            }

            Task bye;
            try
            {
                bye = session.HangupAsync(CancellationToken.None);
            }
            catch (Exception ex)
            {
                service.LogHangupFailed(session.CallId, ex.Message);
                return;
            }

            service.TrackBye(session.CallId, bye);
        }

        public MediaSession Media => _call!.Media;

        /// <summary>On the watchdog's sweep: BYE now (the session ends as MediaTimeout, the application sees Ended).</summary>
        public void OnMediaTimeout()
        {
            if (session.Ended.IsCancellationRequested)
            {
                return;
            }

            service.LogMediaTimeout(session.CallId, service._watchdog!.Timeout.TotalSeconds);
            service.Metrics?.MediaTimedOut();
            try
            {
                service.TrackBye(session.CallId, session.HangupAsync(SipCallEndReason.MediaTimeout, CancellationToken.None));
            }
            catch (Exception ex)
            {
                service.LogHangupFailed(session.CallId, ex.Message);
            }
        }

        public Task<SipAnswer> OnReinviteAsync(SipBody? offer, CancellationToken ct)
        {
            var offerAnswer = _offerAnswer!;
            if (offer is null)
            {
                offerAnswer.CreateOffer();
                return Task.FromResult(SipAnswer.Accept(Sdp(offerAnswer)));
            }

            var result = offerAnswer.Answer(offer.Content.Span);
            if (!result.Success || result.Media is null)
            {
                RefusedForPolicy(result);
                return Task.FromResult(SipAnswer.Reject(488, result.Reason ?? "Not Acceptable Here"));
            }

            try
            {
                _call!.Media.Update(result.Media);
            }
            catch (InvalidOperationException)
            {
                // On a shared RTP port: the new address is another call's, and no a=ssrc tells them apart.
                return Task.FromResult(SipAnswer.Reject(488, "Media address in use"));
            }

            return Task.FromResult(SipAnswer.Accept(Sdp(offerAnswer)));
        }

        /// <summary>A plain offer while SRTP is required is a policy refusal a banning tool may want to see.</summary>
        private void RefusedForPolicy(SdpNegotiationResult result)
        {
            if (result.Error == SdpNegotiationError.SrtpRequired)
            {
                service._security.Event(SipSecurityLog.InviteRefused, session.Remote.Address, "reason=srtp-required");
            }
        }

        private void StartMedia(NegotiatedMedia media)
        {
            var call = _call!;
            call.Media.Start(media);
            _record!.Codec = media.Codec switch
            {
                RtpAudioCodec.Pcmu => "PCMU",
                RtpAudioCodec.Pcma => "PCMA",
                _ => media.Codec.ToString().ToUpperInvariant(),
            };
            if (media.Srtp is { } srtp)
            {
                _record.Events.Add("srtp " + srtp.Suite.Name());
            }

            bool inBand = service._options.InBandDtmf switch
            {
                "always" => true,
                "never" => false,
                _ => media.TelephoneEventPayloadType is null,
            };
            if (inBand)
            {
                call.EnableInBandDetection();
            }
        }

        private async Task FinishAsync(SipSessionEnd end)
        {
            _finishing = true;
            if (_watched)
            {
                service._watchdog!.Unwatch(this);
            }

            var call = _call;
            var r = _record!;
            // Once the stop began, a call we end is ended by the stop (its application returned on the stop token).
            var shutdown = (_shutdown || service._refusing) && end.Reason is SipCallEndReason.LocalBye or SipCallEndReason.Shutdown or SipCallEndReason.Rejected;
            r.EndReason = shutdown ? "shutdown" : EndReasonText(end.Reason);
            r.EndedBy = shutdown ? "system" : end.Reason switch
            {
                SipCallEndReason.RemoteBye or SipCallEndReason.Cancelled => "caller",
                SipCallEndReason.LocalBye or SipCallEndReason.Rejected => "server",
                _ => "system",
            };
            if (shutdown)
            {
                Interlocked.Increment(ref service._cut);
            }

            if (call is not null)
            {
                await ReleaseMediaAsync(call, r).ConfigureAwait(false);
                service.Metrics?.Ended(r, call.Digits);
            }

            r.EndedAt = service._time.GetUtcNow();
            try
            {
                await service._records.SaveAsync(r, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                service.LogRecordFailed(session.CallId, ex.Message);
            }
        }

        /// <summary>Stops the media (gives back the ports, receiver and pacer slot) and copies what it measured into the record.</summary>
        private static async Task ReleaseMediaAsync(TelephonyCall call, CallRecord r)
        {
            var stats = call.Media.GetStatistics();
            await call.DisposeAsync().ConfigureAwait(false);
            foreach (var s in call.Digits.SourcesSeen)
            {
                r.DtmfMethods.Add(s switch { DtmfSource.Rfc4733 => "rfc4733", DtmfSource.SipInfo => "info", _ => "inband" });
            }

            foreach (var latency in call.SpeechLatencies)
            {
                r.Events.Add(string.Create(CultureInfo.InvariantCulture, $"speech-latency {latency.TotalMilliseconds:0} ms"));
            }

            r.RtpPacketsSent = stats.PacketsSent;
            r.RtpPacketsReceived = stats.PacketsReceived;
            r.RtpPacketsLost = stats.PacketsLost;
            r.RtpJitterMs = stats.JitterMs;
            if (stats.SrtpAuthenticationFailures + stats.SrtpReplayed > 0)
            {
                r.Events.Add(string.Create(CultureInfo.InvariantCulture, $"srtp dropped {stats.SrtpAuthenticationFailures} unauthenticated, {stats.SrtpReplayed} replayed"));
            }
        }

        /// <summary>The SDP offer/answer last made, as the body to send (serialized once, to UTF-8, when it was made).</summary>
        private static SipBody Sdp(SdpOfferAnswer offerAnswer) => new("application/sdp", offerAnswer.LocalBody);

        private static IPAddress AnyFor(IPAddress a) => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any;

        private static string EndReasonText(SipCallEndReason reason) => reason switch
        {
            SipCallEndReason.RemoteBye => "caller-hangup",
            SipCallEndReason.LocalBye => "server-hangup",
            SipCallEndReason.Cancelled => "cancelled",
            SipCallEndReason.Rejected => "rejected",
            SipCallEndReason.AckTimeout => "ack-timeout",
            SipCallEndReason.NoAckSourceBanned => "no-ack-source-banned",
            SipCallEndReason.MaxDuration => "max-duration",
            SipCallEndReason.MediaTimeout => "media-timeout",
            SipCallEndReason.SessionExpired => "session-expired",
            _ => "shutdown",
        };
    }
}
