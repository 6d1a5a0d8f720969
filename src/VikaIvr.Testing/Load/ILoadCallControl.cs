using VikaIvr.Sip.Core.Outgoing;

namespace VikaIvr.Testing.Load;

/// <summary>What a <see cref="LoadScriptCaller"/> acts on and watches: the load call, answered
/// (<see cref="TestCallerControl"/> over the test caller; a fake in tests).</summary>
internal interface ILoadCallControl
{
    /// <summary>Fires when the call has ended (either side).</summary>
    CancellationToken Ended { get; }

    /// <summary>Why it ended ("remote-bye" when the server hung up); null while up or not yet recorded.</summary>
    string? EndReason { get; }

    /// <summary>No more RTP can arrive (the media session is closed, or there is none).</summary>
    bool MediaClosed { get; }

    /// <summary>The call's SIP events so far, in order (REFERs among them).</summary>
    IReadOnlyList<SipOutgoingEvent> History { get; }

    Task SendDigitsAsync(string keys, TimeSpan gap, CancellationToken ct);

    /// <summary>Plays a tone for <paramref name="duration"/> (the caller's voice, as in simulation).</summary>
    Task SpeakAsync(TimeSpan duration, CancellationToken ct);

    Task HangupAsync(CancellationToken ct);
}
