using System.Diagnostics;
using VikaIvr.Flows.Scripting;
using VikaIvr.Sip.Core.Outgoing;

namespace VikaIvr.Testing.Load;

/// <summary>
/// What a load call notices, in order per kind: prompts by fingerprint (handed over by the receive
/// thread without allocating), the server's BYE and its REFER. It waits on one signal (a prompt
/// heard, a REFER answered, the call ended), never polls.
/// </summary>
internal sealed partial class LoadScriptCaller
{
    /// <summary>Prompts heard and not yet read by the script, in order (more are dropped: a script reads as it goes).</summary>
    private const int HeardCapacity = 16;

    /// <summary>After the server's BYE, RTP already in flight may still arrive for a moment.</summary>
    private static readonly TimeSpan Drain = TimeSpan.FromMilliseconds(300);

    /// <summary>A REFER answered but not yet in the call's history is looked for again this soon.</summary>
    private static readonly TimeSpan ReferRecheck = TimeSpan.FromMilliseconds(20);

    private readonly int[] _heard = new int[HeardCapacity];
    private readonly long[] _heardAt = new long[HeardCapacity];

    /// <summary>Released for each prompt heard, each REFER answered and once when the call ends.</summary>
    private readonly SemaphoreSlim _signal = new(0);
    private CancellationTokenRegistration _ended;
    private int _heardCount;
    private int _heardRead;
    private int _refersOffered;
    private int _refersMatched;
    private int _historySeen;

    /// <summary>Prompt <paramref name="prompt"/> (an index of <see cref="LoadOptions.Prompts"/>) began to
    /// arrive. Called on the receive thread for a fingerprint packet only; allocates nothing.</summary>
    public void Heard(int prompt)
    {
        int n = _heardCount;
        if (n - Volatile.Read(ref _heardRead) >= HeardCapacity) return;
        _heard[n % HeardCapacity] = prompt;
        _heardAt[n % HeardCapacity] = Stopwatch.GetTimestamp();
        Volatile.Write(ref _heardCount, n + 1);
        _signal.Release();
    }

    /// <summary>The prompts recognised so far, in order, read or not (tests).</summary>
    internal List<string> HeardSoFar()
    {
        var heard = new List<string>();
        int count = Volatile.Read(ref _heardCount);
        for (int i = Math.Max(0, count - HeardCapacity); i < count; i++) heard.Add(options.Prompts!.IdOf(_heard[i % HeardCapacity]));
        return heard;
    }

    /// <summary>
    /// For `expect prompt` the next prompt heard; for `expect hangup` a prompt heard before it, else
    /// the server's BYE; for `expect transfer` the next REFER, else a prompt heard before it. Waits up
    /// to <see cref="LoadOptions.ExpectTimeout"/>.
    /// </summary>
    public async Task<ScriptOutput?> NextOutputAsync(ScriptStatementKind expecting, CancellationToken ct)
    {
        long since = Stopwatch.GetTimestamp();
        var limit = options.ExpectTimeout;
        bool draining = false;
        while (true)
        {
            if (expecting == ScriptStatementKind.ExpectTransfer && NextRefer() is { } refer) return refer;
            if (NextHeard() is { } prompt) return prompt;
            bool ended = Caller.Ended.IsCancellationRequested;
            if (ended)
            {
                switch (expecting)
                {
                    case ScriptStatementKind.ExpectHangup:
                        return await ByeAsync(ct).ConfigureAwait(false);
                    case ScriptStatementKind.ExpectTransfer when !ReferPending:
                        _whyNothing = $"the call had ended ({Caller.EndReason}) without a REFER";
                        return null;
                    case ScriptStatementKind.ExpectTransfer:
                        break;
                    default:
                        if (Caller.MediaClosed) limit = TimeSpan.Zero;
                        else if (!draining)
                        {
                            draining = true;
                            limit = Min(limit, Stopwatch.GetElapsedTime(since) + Drain);
                        }

                        break;
                }
            }

            var left = limit - Stopwatch.GetElapsedTime(since);
            if (left <= TimeSpan.Zero)
            {
                _whyNothing = Nothing(expecting, ended);
                return null;
            }

            await _signal.WaitAsync(expecting == ScriptStatementKind.ExpectTransfer && ReferPending ? Min(left, ReferRecheck) : left, ct).ConfigureAwait(false);
        }
    }

    /// <summary>What was noticed and not expected by the end of the script (it does not linger: a load call ends with its script).</summary>
    public Task<IReadOnlyList<string>> RestAsync(CancellationToken ct)
    {
        var rest = new List<string>();
        while (NextHeard() is { } prompt) rest.Add(prompt.Describe());
        while (_caller is not null && NextRefer() is { } refer) rest.Add(refer.Describe());
        return Task.FromResult<IReadOnlyList<string>>(rest);
    }

    private bool ReferPending => _refersMatched < Volatile.Read(ref _refersOffered);

    private ScriptOutput? NextHeard()
    {
        int read = _heardRead;
        if (read >= Volatile.Read(ref _heardCount)) return null;
        var output = new ScriptOutput(ScriptOutputKind.Prompt, options.Prompts!.IdOf(_heard[read % HeardCapacity]), Since(_heardAt[read % HeardCapacity]));
        Volatile.Write(ref _heardRead, read + 1);
        return output;
    }

    /// <summary>The next REFER the tester answered, once the call's history has it.</summary>
    private ScriptOutput? NextRefer()
    {
        if (!ReferPending) return null;
        var history = Caller.History;
        while (_historySeen < history.Count)
        {
            var ev = history[_historySeen++];
            if (ev.Kind != SipOutgoingEventKind.ReferReceived) continue;
            _refersMatched++;
            return new ScriptOutput(ScriptOutputKind.Transfer, ev.Text, Since(Stopwatch.GetTimestamp()));
        }

        return null;
    }

    /// <summary>The call has ended: a hang-up when the server sent the BYE.</summary>
    private async Task<ScriptOutput?> ByeAsync(CancellationToken ct)
    {
        // The user agent's event pump records the end reason just after the token fires.
        for (int i = 0; i < 20 && Caller.EndReason is null; i++) await Task.Delay(10, ct).ConfigureAwait(false);
        if (Caller.EndReason == "remote-bye") return new ScriptOutput(ScriptOutputKind.Hangup, "", Since(Stopwatch.GetTimestamp()));
        _whyNothing = $"the call ended otherwise ({Caller.EndReason ?? "no reason recorded"})";
        return null;
    }

    private string Nothing(ScriptStatementKind expecting, bool ended) => expecting switch
    {
        ScriptStatementKind.ExpectHangup => $"the call was still up after {options.ExpectTimeout.TotalSeconds:0} s",
        ScriptStatementKind.ExpectTransfer => $"no REFER within {options.ExpectTimeout.TotalSeconds:0} s",
        _ when ended => $"the call had ended ({Caller.EndReason}) with no more prompts heard",
        _ => $"no prompt heard within {options.ExpectTimeout.TotalSeconds:0} s",
    };

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
