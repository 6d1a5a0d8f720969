using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VikaIvr.Sip.Core;
using VikaIvr.Sip.Transactions;

namespace VikaIvr.Sip.Tests.Core;

/// <summary>A user agent on an in-memory transport and a fake clock.</summary>
public sealed class SipUaFixture
{
    public SipUaFixture(SipUserAgentOptions? options = null)
    {
        Agent = new SipUserAgent(Transport, options ?? new SipUserAgentOptions(), Timers, Time, NullLogger<SipUserAgent>.Instance);
        Agent.Start();
        _ = Handler.ServeAsync(Agent);
    }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2025-01-01T00:00:00Z"));

    public InMemorySipTransport Transport { get; } = new();

    public TestCallHandler Handler { get; } = new();

    public SipTimerOptions Timers { get; } = new();

    public SipUserAgent Agent { get; }

    /// <summary>Waits for work handed to the thread pool (the application's answer); bounded.</summary>
    public static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "condition not reached");
    }

    /// <summary>Sends an INVITE and waits for its 200; returns our To tag.</summary>
    public async Task<string> AnsweredCall(string invite)
    {
        Transport.Inject(invite);
        await WaitUntil(() => Transport.Responses(200).Count > 0);
        return Transport.Responses(200)[0].To!.Tag!;
    }
}
