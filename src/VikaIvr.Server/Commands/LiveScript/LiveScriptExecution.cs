using Microsoft.Extensions.Logging;
using VikaIvr.Flows.Scripting;
using VikaIvr.Sip.Core.Outgoing;
using VikaIvr.Testing.Caller;

namespace VikaIvr.Server.Commands.LiveScript;

/// <summary>
/// One script as a real call: the test caller dials, keys and waits happen in real time, and each
/// expectation is checked against what was heard (prompts by their audio, other audio as speech)
/// and against the server's SIP requests (BYE = hangup, REFER = transfer).
/// </summary>
internal sealed partial class LiveScriptExecution(CallScript script, LiveScriptOptions options, Func<Media.Rtp.RtpAudioCodec, PromptAudioIndex> indexFor,
    SpeechPlan speech, ILoggerFactory loggers, CancellationToken ct)
{
    private readonly List<ScriptError> _failures = [];
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

    public async Task<ScriptResult> RunAsync()
    {
        int lastLine = 1;
        try
        {
            foreach (var st in script.Statements)
            {
                lastLine = st.Line;
                if (!await ExecuteAsync(st)) break;
            }

            if (_failures.Count == 0) await FinishAsync(lastLine);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or System.Net.Sockets.SocketException or ArgumentException)
        {
            Fail(lastLine, "the call to go on", ex.Message);
        }
        finally
        {
            if (_caller is not null)
            {
                await _caller.HangupAsync(CancellationToken.None);
                _transcript.Add($"received {_caller.Received.Duration.TotalSeconds:0.00} s of audio in {_caller.Received.Packets} packets");
                await _caller.DisposeAsync();
            }
        }

        return new ScriptResult(script.File, _failures, _transcript) { Duration = DateTime.UtcNow - _started };
    }

    private async Task<bool> ExecuteAsync(ScriptStatement st)
    {
        switch (st.Kind)
        {
            case ScriptStatementKind.Clock:
                if (!_clockNoted)
                {
                    _transcript.Add($"clock {st.Time:yyyy-MM-dd'T'HH:mm:ssK}: the simulated run that learns the spoken texts uses it; the live server keeps its own (start it with `vika serve --clock` at the same time)");
                    _clockNoted = true;
                }

                return true;
            case ScriptStatementKind.Call:
                if (_caller is not null) return Fail(st.Line, "one call per script", "a second call statement");
                return await DialAsync(st);
            case ScriptStatementKind.TransferFails:
                _failNextTransfer = true;
                return true;
        }

        if (_caller is null) return Fail(st.Line, "a call statement first", $"'{st.Source}' comes before any call");
        if (st.Kind is not (ScriptStatementKind.Press or ScriptStatementKind.Hangup)) await SettleAsync();
        switch (st.Kind)
        {
            case ScriptStatementKind.Press:
                if (_caller.Ended.IsCancellationRequested) return Fail(st.Line, $"to press {CallCommand.MaskKeys(st.Value!)}", $"the call had ended ({_caller.EndReason})");
                Note($"caller presses {CallCommand.MaskKeys(st.Value!)} ({TestCallerDtmfModes.Name(options.DtmfMode)})");
                await _caller.SendDigitsAsync(st.Value!, st.Duration, ct);
                return true;
            case ScriptStatementKind.Wait:
                await Task.Delay(st.Duration, ct);
                return true;
            case ScriptStatementKind.Hangup:
                await _caller.HangupAsync(ct);
                Note("caller hangs up");
                return true;
            default:
                return await ExpectAsync(st);
        }
    }

    private async Task<bool> DialAsync(ScriptStatement st)
    {
        var callerOptions = new TestCallerOptions
        {
            Codec = options.Codec,
            DtmfMode = options.DtmfMode,
            FromUser = st.From!,
            CalledUser = st.Value,
            ReferOutcome = _ =>
            {
                bool fail = _failNextTransfer;
                _failNextTransfer = false;
                return fail ? options.FailedTransferStatus : 200;
            },
        };
        _transcript.Add($"call {st.Value} from {st.From}: {options.Target}, keys by {TestCallerDtmfModes.Name(options.DtmfMode)}, {options.Codec}");
        _caller = await TestCaller.DialAsync(options.Target, callerOptions, loggers, ct);
        foreach (var ev in _caller.History) Note(ev.ToString());
        _sipSeen = _caller.History.Count;
        if (!_caller.IsEstablished)
        {
            return Fail(st.Line, "the call to be answered", $"{_caller.FinalResponse?.StatusCode} {_caller.FinalResponse?.ReasonPhrase}");
        }

        var codec = _caller.Negotiated!.Codec;
        _scanner = new HeardEventScanner(indexFor(codec));
        if (speech.Clips is { } clips)
        {
            _utterances = new List<ExpectedUtterance>(clips.Count);
            foreach (var clip in clips) _utterances.Add(new ExpectedUtterance(clip, codec));
        }

        return true;
    }

    private bool Fail(int line, string expected, string actual)
    {
        _failures.Add(new ScriptError(script.File, line, expected, actual));
        return false;
    }

    private void Note(string text)
    {
        var at = DateTime.UtcNow - _started;
        _transcript.Add($"[{(int)at.TotalMinutes:00}:{at.Seconds:00}.{at.Milliseconds:000}] {text}");
    }
}
