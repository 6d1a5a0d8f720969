using Microsoft.Extensions.Logging;
using VikaIvr.Flows.Scripting;
using VikaIvr.Media.Rtp;
using VikaIvr.Media.Session;
using VikaIvr.Sip.Core.Outgoing;
using VikaIvr.Testing.Caller;

namespace VikaIvr.Testing.Scripting;

/// <summary>
/// The scripted caller of `simulate --target`: a real call through the test caller. Keys, speech
/// and waits happen in real time; what the server does is noticed in what was heard (prompts by
/// their audio, other audio as speech or playback) and in its SIP requests (BYE, REFER).
/// </summary>
public sealed partial class LiveScriptCaller(LiveScriptOptions options, Func<RtpAudioCodec, PromptAudioIndex> indexFor,
    SpeechPlan speech, ILoggerFactory loggers) : IScriptCaller
{
    /// <summary>Level and pitch of the tone that stands for the caller's voice, as in simulation.</summary>
    private const short VoiceAmplitude = 8000;
    private const double VoiceFrequency = 440;

    private readonly List<string> _transcript = [];
    private readonly DateTime _started = DateTime.UtcNow;
    private TestCaller? _caller;
    private HeardEventScanner? _scanner;
    private int _cursor;
    private HeardEvent? _playing;
    private int _playingLine;
    private int _sipSeen;
    private bool _failNextTransfer;
    private bool _clockNoted;
    private List<ExpectedUtterance>? _utterances;
    private int _nextUtterance;
    private string _whyNothing = "";

    /// <summary>A recording and its playback cross the network twice; their audible length is matched to 250 ms.</summary>
    public TimeSpan PlaybackTolerance => TimeSpan.FromMilliseconds(250);

    public string WhyNothing => _whyNothing;

    /// <summary>Every kind: prompts and playbacks by their audio, speech by the synthesized sentences' audio, recording by silence.</summary>
    public bool CanCheck(ScriptStatementKind expectation) => true;

    public void SetClock(DateTimeOffset time)
    {
        if (_clockNoted) return;
        _transcript.Add($"clock {time:yyyy-MM-dd'T'HH:mm:ssK}: the simulated run that learns the spoken texts uses it; the live server keeps its own (start it with `vika serve --clock` at the same time)");
        _clockNoted = true;
    }

    public async Task<string?> DialAsync(string called, string from, CancellationToken ct)
    {
        var callerOptions = new TestCallerOptions
        {
            Codec = options.Codec,
            DtmfMode = options.DtmfMode,
            FromUser = from,
            CalledUser = called,
            ReferOutcome = _ =>
            {
                bool fail = _failNextTransfer;
                _failNextTransfer = false;
                return fail ? options.FailedTransferStatus : 200;
            },
        };
        _transcript.Add($"call {called} from {from}: {options.Target}, keys by {TestCallerDtmfModes.Name(options.DtmfMode)}, {options.Codec}");
        _caller = await TestCaller.DialAsync(options.Target, callerOptions, loggers, ct);
        foreach (var ev in _caller.History) Note(ev.ToString());
        _sipSeen = _caller.History.Count;
        if (!_caller.IsEstablished) return $"{_caller.FinalResponse?.StatusCode} {_caller.FinalResponse?.ReasonPhrase}";

        var codec = _caller.Negotiated!.Codec;
        _scanner = new HeardEventScanner(indexFor(codec)) { PacketStartOf = _caller.Received.PacketStartOf };
        if (speech.Clips is { } clips)
        {
            _utterances = new List<ExpectedUtterance>(clips.Count);
            foreach (var clip in clips) _utterances.Add(new ExpectedUtterance(clip, codec));
        }

        return null;
    }

    public void FailNextTransfer() => _failNextTransfer = true;

    public async Task<bool> PressAsync(string keys, TimeSpan gap, CancellationToken ct)
    {
        // Keys may cut a prompt that is still playing, as a hurried caller does: no settling first.
        if (Caller.Ended.IsCancellationRequested)
        {
            _whyNothing = $"the call had ended ({Caller.EndReason})";
            return false;
        }

        Note($"caller presses {KeyText.Mask(keys)} ({TestCallerDtmfModes.Name(options.DtmfMode)})");
        await Caller.SendDigitsAsync(keys, gap, ct);
        return true;
    }

    public async Task SpeakAsync(TimeSpan duration, CancellationToken ct)
    {
        await SettleAsync(ct);
        var samples = new short[(int)(duration.TotalSeconds * ReceivedAudio.SampleRate)];
        for (int i = 0; i < samples.Length; i++)
            samples[i] = (short)(VoiceAmplitude * Math.Sin(2 * Math.PI * VoiceFrequency * i / ReceivedAudio.SampleRate));
        Note($"caller speaks for {duration.TotalSeconds:0.00} s");
        if (Caller.Media is { } media && Caller.Negotiated is { } negotiated)
            await media.Play(EncodedAudio.Encode(samples, negotiated.Codec, "speak"), ct);
    }

    public async Task WaitAsync(TimeSpan duration, CancellationToken ct)
    {
        await SettleAsync(ct);
        await Task.Delay(duration, ct);
    }

    public async Task HangupAsync(CancellationToken ct)
    {
        await Caller.HangupAsync(ct);
        Note("caller hangs up");
    }

    public async Task<IReadOnlyList<ScriptError>> StopAsync(CancellationToken ct)
    {
        if (_caller is not null)
        {
            await _caller.HangupAsync(CancellationToken.None);
            _transcript.Add($"received {_caller.Received.Duration.TotalSeconds:0.00} s of audio in {_caller.Received.Packets} packets");
        }

        return [];
    }

    public string? Explains(Exception ex) =>
        ex is TimeoutException or InvalidOperationException or System.Net.Sockets.SocketException or ArgumentException ? "the call to go on" : null;

    public ScriptResult Result(string file, IReadOnlyList<ScriptError> failures) =>
        new(file, failures, _transcript) { Duration = DateTime.UtcNow - _started };

    public async ValueTask DisposeAsync()
    {
        if (_caller is not null) await _caller.DisposeAsync();
    }

    private TestCaller Caller => _caller ?? throw new InvalidOperationException("the call has not been dialled");

    private void Note(string text)
    {
        var at = DateTime.UtcNow - _started;
        _transcript.Add($"[{(int)at.TotalMinutes:00}:{at.Seconds:00}.{at.Milliseconds:000}] {text}");
    }
}
