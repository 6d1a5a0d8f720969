namespace VikaIvr.Flows.Ports;

/// <summary>
/// The call as the flow engine sees it: awaited operations, no events. Implemented by a real
/// SIP call (VikaIvr.Telephony) and by the simulated call of `vika simulate`.
/// </summary>
public interface ICall
{
    string CallId { get; }
    string Caller { get; }
    string Called { get; }

    /// <summary>Cancelled when either side ends the call.</summary>
    CancellationToken Ended { get; }

    /// <summary>Plays a clip; when <paramref name="bargeIn"/> is set, returns early on a digit,
    /// which stays queued for the next collection (type-ahead).</summary>
    Task PlayAsync(AudioClip clip, bool bargeIn, CancellationToken ct);

    /// <summary>Collects digits from the call's one ordered, de-duplicated digit queue.</summary>
    Task<DigitResult> CollectDigitsAsync(DigitOptions options, CancellationToken ct);

    /// <summary>Records the caller's audio until a terminator key (consumed), the silence timeout or the
    /// maximum duration. Keys queued before it starts are discarded: the recording starts now.</summary>
    Task<RecordResult> RecordAsync(RecordOptions options, CancellationToken ct);

    Task<TransferResult> TransferAsync(string target, CancellationToken ct);

    Task HangupAsync(CancellationToken ct);
}
