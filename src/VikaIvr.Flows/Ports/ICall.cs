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

    /// <summary>The transport address the call came from (never a header the caller wrote); null for a simulated call.</summary>
    System.Net.IPEndPoint? RemoteSource => null;

    /// <summary>
    /// Cancelled when either side ends the call. Playing, collecting and recording end by
    /// themselves then, whatever their token (the flow passes them only the service's stop).
    /// </summary>
    CancellationToken Ended { get; }

    /// <summary>Plays a clip; when <paramref name="bargeIn"/> is set, returns early on a digit,
    /// which stays queued for the next collection (type-ahead). A hangup may end it by returning
    /// (the flow looks at <see cref="Ended"/> after it) or by <see cref="OperationCanceledException"/>.</summary>
    Task PlayAsync(AudioClip clip, bool bargeIn, CancellationToken ct);

    /// <summary>Collects digits from the call's one ordered, de-duplicated digit queue.</summary>
    Task<DigitResult> CollectDigitsAsync(DigitOptions options, CancellationToken ct);

    /// <summary>Records the caller's audio until a terminator key (consumed), the silence timeout or the
    /// maximum duration. Keys queued before it starts are discarded: the recording starts now.</summary>
    Task<RecordResult> RecordAsync(RecordOptions options, CancellationToken ct);

    /// <summary>
    /// Drops the caller's next key when it is <paramref name="key"/> and comes within
    /// <paramref name="window"/> (or is already queued): the '#' a caller adds after an entry that
    /// was already complete neither stops the next prompt nor counts as input.
    /// </summary>
    void AbsorbNextKey(char key, TimeSpan window);

    Task<TransferResult> TransferAsync(string target, CancellationToken ct);

    Task HangupAsync(CancellationToken ct);
}
