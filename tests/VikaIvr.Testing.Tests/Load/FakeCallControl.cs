using VikaIvr.Sip.Core.Outgoing;
using VikaIvr.Testing.Load;

namespace VikaIvr.Testing.Tests.Load;

/// <summary>An answered load call for <see cref="LoadScriptCaller"/> tests: keys run <see cref="OnKeys"/>
/// (the server's answer to them, played synchronously), the test ends the call as the server would.</summary>
internal sealed class FakeCallControl : ILoadCallControl, IDisposable
{
    private readonly CancellationTokenSource _ended = new();
    private readonly List<SipOutgoingEvent> _history = [];

    public List<string> Keys { get; } = [];
    public List<TimeSpan> Spoken { get; } = [];
    public bool HungUp { get; private set; }
    public Action<string>? OnKeys { get; set; }

    public CancellationToken Ended => _ended.Token;
    public string? EndReason { get; private set; }
    public bool MediaClosed => _ended.IsCancellationRequested;
    public IReadOnlyList<SipOutgoingEvent> History => [.. _history];

    /// <summary>The server's REFER, as the user agent records it before it asks for the answer.</summary>
    public void Refer(string target) => _history.Add(new SipOutgoingEvent(SipOutgoingEventKind.ReferReceived, 0, target, DateTimeOffset.UtcNow));

    public void End(string reason)
    {
        EndReason = reason;
        _ended.Cancel();
    }

    public Task SendDigitsAsync(string keys, TimeSpan gap, CancellationToken ct)
    {
        Keys.Add(keys);
        OnKeys?.Invoke(keys);
        return Task.CompletedTask;
    }

    public Task SpeakAsync(TimeSpan duration, CancellationToken ct)
    {
        Spoken.Add(duration);
        return Task.CompletedTask;
    }

    public Task HangupAsync(CancellationToken ct)
    {
        HungUp = true;
        End("local-bye");
        return Task.CompletedTask;
    }

    public void Dispose() => _ended.Dispose();
}
