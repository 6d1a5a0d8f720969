using VikaIvr.Flows.Digits;
using VikaIvr.Flows.Ports;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Session;
using VikaIvr.Sip.Core;
using VikaIvr.Telephony.Digits;
using VikaIvr.Telephony.Media;
using VikaIvr.Telephony.Recording;

namespace VikaIvr.Telephony.Calls;

/// <summary>
/// A call as the flow sees it (<see cref="ICall"/>): one SIP invite session plus one media session,
/// with the call's one digit queue fed by one path per source — RFC 4733 from the media receive
/// path (<see cref="Rfc4733DigitSink"/>), SIP INFO from the session's INFO bodies (handed to the call
/// as they arrive), in-band tones from the audio listener.
/// </summary>
public sealed class TelephonyCall : ICall, IAsyncDisposable, ISipInfoSink, IDigitListener
{
    private readonly SipInviteSession _session;
    private readonly MediaSession _media;
    private readonly EncodedClipCache _clips;
    private readonly TimeProvider _time;
    private InBandDigitListener? _inBand;

    /// <summary>
    /// <paramref name="media"/> should have been built with <c>DigitSink = new Rfc4733DigitSink(digits)</c>
    /// so RFC 4733 digits reach <paramref name="digits"/>.
    /// </summary>
    public TelephonyCall(SipInviteSession session, MediaSession media, EncodedClipCache clips, DigitQueue digits, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(digits);
        _session = session;
        _time = time;
        _media = media;
        _clips = clips;
        Digits = digits;
        // INFO keys, and the session's end (which stops the playback), are told through one sink: no registration on Ended.
        session.DeliverInfosTo(this);
        digits.Listener = this;
    }

    // Made with the first synthesized answer (most calls end in the menus); the list is its own lock.
    private List<TimeSpan>? _latencies;
    private long _lastCollectedAt;

    /// <summary>For each synthesized answer: the time from the caller's last key to its playback.</summary>
    public IReadOnlyList<TimeSpan> SpeechLatencies
    {
        get
        {
            var latencies = Volatile.Read(ref _latencies);
            if (latencies is null) return [];
            lock (latencies) return [.. latencies];
        }
    }

    public string CallId => _session.CallId;
    public string Caller => _session.Caller;
    public string Called => _session.Called;
    public System.Net.IPEndPoint? RemoteSource => _session.Remote.Address;
    public CancellationToken Ended => _session.Ended;
    public SipInviteSession Session => _session;
    public DigitQueue Digits { get; }
    public MediaSession Media => _media;

    /// <summary>The codec the caller and we agreed on (PCMU until media starts).</summary>
    public RtpAudioCodec Codec => _media.Media?.Codec ?? RtpAudioCodec.Pcmu;

    /// <summary>Listens for in-band tones (for callers that did not negotiate telephone-event).</summary>
    public void EnableInBandDetection()
    {
        if (_inBand is not null) return;
        _inBand = new InBandDigitListener(Digits);
        _media.AddAudioListener(_inBand);
    }

    public async Task PlayAsync(AudioClip clip, bool bargeIn, CancellationToken ct)
    {
        if (bargeIn && Digits.HasPending) return;
        if (Ended.IsCancellationRequested) return;
        var encoded = _clips.Get(clip, Codec);
        long since = Math.Max(Digits.LastAcceptedAt, Interlocked.Read(ref _lastCollectedAt));
        if (clip.Kind == AudioClipKind.Speech && since != 0)
        {
            // How long the caller waited for synthesized speech after the entry was complete: the
            // last key, or the end of the collection when the keys were typed ahead of a prompt.
            // The first frame leaves at the stream's next pacer slot, at most one ptime later.
            var latencies = Volatile.Read(ref _latencies) ?? Interlocked.CompareExchange(ref _latencies, [], null) ?? _latencies!;
            lock (latencies) latencies.Add(_time.GetElapsedTime(since));
        }

        // The hangup stops the playback itself (OnSessionEnded). A key stops only this clip: the media stops the barge-in clip for a key
        // numbered after the keys seen now (OnDigitAccepted), so a key that reaches the listener late
        // (after the flow took it and queued its next prompt) does not cut that one.
        long keysSeen = bargeIn ? Digits.AcceptedCount : 0;
        var playing = bargeIn ? _media.PlayBargeIn(encoded, keysSeen, ct) : _media.Play(encoded, ct);
        // A key or the hangup that came before the clip was queued stops it now: a key typed ahead,
        // or one accepted since the count whose listener ran before the clip was there to stop.
        if (bargeIn && (Digits.HasPending || Digits.AcceptedCount > keysSeen)) _media.BargeIn(keysSeen + 1);
        if (Ended.IsCancellationRequested) _media.StopPlayback();
        // Awaited without throwing: a hangup ends the clip and the flow sees Ended, with no
        // exception thrown through its frames for every call that ends in a prompt.
        await ((Task)playing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (Ended.IsCancellationRequested) return;
        // Cut by the token alone (the service stopping): the step ends by that token's exception, as before.
        if (!playing.IsCompletedSuccessfully || playing.Result == PlaybackResult.Stopped) ct.ThrowIfCancellationRequested();
    }

    /// <summary>A key's barge-in, on the poster's thread: stops the barge-in clip queued before the key (a late one stops nothing).</summary>
    void IDigitListener.OnDigitAccepted(char digit, long number) => _media.BargeIn(number);

    public Task<DigitResult> CollectDigitsAsync(DigitOptions options, CancellationToken ct)
        => CollectCoreAsync(options, ct);

    private async Task<DigitResult> CollectCoreAsync(DigitOptions options, CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, Ended);
        var result = await DigitCollector.CollectAsync(Digits, options, linked.Token).ConfigureAwait(false);
        if (!result.IsEmpty) Interlocked.Exchange(ref _lastCollectedAt, _time.GetTimestamp());
        if (result.Termination == DigitTermination.Hangup && !Ended.IsCancellationRequested) ct.ThrowIfCancellationRequested();
        return result;
    }

    /// <summary>How long past the maximum duration a recording waits for audio that never comes
    /// (a caller that stopped sending RTP) before it ends on the clock alone.</summary>
    public static readonly TimeSpan RecordGuard = TimeSpan.FromSeconds(2);

    public async Task<RecordResult> RecordAsync(RecordOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ct.ThrowIfCancellationRequested();
        if (Ended.IsCancellationRequested) return RecordResult.HungUp;
        while (Digits.TryTake(out _)) { } // keys typed before the beep do not end the recording

        using var capture = new CallAudioCapture(options);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, Ended);
        _media.AddAudioListener(capture);
        var keys = WaitForTerminatorAsync(options.Terminators, linked.Token);
        RecordTermination why;
        try
        {
            var guard = Task.Delay(options.MaxDuration + RecordGuard, _time, linked.Token);
            var first = await Task.WhenAny(capture.Completed, keys, guard).ConfigureAwait(false);
            if (Ended.IsCancellationRequested) why = RecordTermination.Hangup;
            else if (first == capture.Completed) why = capture.Completed.Result;
            else if (first == keys && keys.IsCompletedSuccessfully) why = RecordTermination.Terminator;
            else
            {
                ct.ThrowIfCancellationRequested();
                why = RecordTermination.MaxDuration;
            }
        }
        finally
        {
            _media.RemoveAudioListener(capture);
            linked.Cancel();
            try { await keys.ConfigureAwait(false); } catch (OperationCanceledException) { }
        }

        return why == RecordTermination.Hangup ? RecordResult.HungUp : new RecordResult(capture.Finish(), why);
    }

    /// <summary>Consumes keys until a terminator: other keys while recording are ignored.</summary>
    private async Task WaitForTerminatorAsync(string terminators, CancellationToken ct)
    {
        while (true)
        {
            var key = await Digits.WaitAsync(Timeout.InfiniteTimeSpan, ct).ConfigureAwait(false);
            if (key is { } k && terminators.Contains(k)) return;
        }
    }

    public void AbsorbNextKey(char key, TimeSpan window) => Digits.AbsorbNext(key, window);

    public async Task<TransferResult> TransferAsync(string target, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(target)) return TransferResult.Failed("no agent URI configured");
        try
        {
            var r = await _session.TransferAsync(target, ct).ConfigureAwait(false);
            return r.Succeeded
                ? TransferResult.Accepted($"{r.StatusCode} {r.Description}")
                : TransferResult.Failed($"{r.StatusCode} {r.Description}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return TransferResult.Failed(ex.Message);
        }
    }

    public Task HangupAsync(CancellationToken ct) => _session.HangupAsync(ct);

    /// <summary>SIP INFO keys (application/dtmf-relay, application/dtmf) into the queue, on the SIP dispatcher.</summary>
    void ISipInfoSink.OnInfo(SipBody body)
    {
        if (SipInfoDtmf.TryParse(body.ContentType, body.Content.Span, out char digit))
            Digits.Post(digit, DtmfSource.SipInfo);
    }

    /// <summary>The hangup (any end of the session), just after <see cref="Ended"/> fired: stops the playback.</summary>
    void ISipInfoSink.OnSessionEnded() => _media.StopPlayback();

    /// <summary>After the session ended: stops the listeners and closes the media.</summary>
    public async ValueTask DisposeAsync()
    {
        Digits.Complete();
        if (_inBand is not null) _media.RemoveAudioListener(_inBand);
        await _media.DisposeAsync().ConfigureAwait(false);
    }
}
