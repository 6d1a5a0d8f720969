using System.Net;
using Microsoft.Extensions.Time.Testing;
using VikaIvr.Sip.Core;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Tests.Admission;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;

namespace VikaIvr.Sip.Tests.Core;

/// <summary>
/// A number served only to some sources (the operator line): to anyone else it is exactly an
/// unknown number — the same 404, the same headers, the same security event and refusal count.
/// </summary>
public sealed class SipRestrictedNumberTests
{
    private static readonly SipEndPoint Outsider = new(SipTransportProtocol.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5062));
    private static readonly SipEndPoint Insider = new(SipTransportProtocol.Udp, new IPEndPoint(IPAddress.Parse("10.1.2.3"), 5062));

    [Fact]
    public async Task An_outsider_gets_the_unknown_numbers_answer_and_an_allowed_source_is_served()
    {
        var log = new ListLogger<SipUserAgent>();
        var transport = new InMemorySipTransport();
        var options = new SipUserAgentOptions
        {
            ServiceNumbers = ["165", "16599"],
            RestrictedNumbers = new Dictionary<string, IList<string>> { ["16599"] = ["10.0.0.0/8", "::1"] },
        };
        var agent = new SipUserAgent(transport, options, new SipTimerOptions(), new FakeTimeProvider(), log);
        agent.Start();
        var handler = new TestCallHandler();
        _ = handler.ServeAsync(agent);

        transport.Inject(SipTestMessages.Invite(user: "16599", branch: "z9hG4bKa", callId: "a"), Outsider);
        transport.Inject(SipTestMessages.Invite(user: "16598", branch: "z9hG4bKb", callId: "b"), Outsider);
        // Separators are removed before the number is compared, so they do not get round the restriction.
        transport.Inject(SipTestMessages.Invite(user: "165-99", branch: "z9hG4bKc", callId: "c"), Outsider);
        await SipUaFixture.WaitUntil(() => transport.Responses(404).Count == 3);

        var responses = transport.Responses(404);
        Assert.Equal(Shape(responses[1]), Shape(responses[0]));
        Assert.Equal(Shape(responses[1]), Shape(responses[2]));
        Assert.Equal(
            [
                "SECURITY event=unknown-number src=192.0.2.10 port=5062 detail=\"number=16599\"",
                "SECURITY event=unknown-number src=192.0.2.10 port=5062 detail=\"number=16598\"",
                "SECURITY event=unknown-number src=192.0.2.10 port=5062 detail=\"number=165-99\"",
            ],
            log.Lines.Where(l => l.StartsWith("SECURITY", StringComparison.Ordinal)));
        agent.Admission.Refusals.Flush();
        Assert.Contains(log.Lines, l => l.Contains("Sip refused 3 requests", StringComparison.Ordinal) && l.Contains("unknown-number", StringComparison.Ordinal));

        transport.Inject(SipTestMessages.Invite(user: "16599", branch: "z9hG4bKd", callId: "d"), Insider);
        var session = await handler.Invited.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("16599", session.Called);
        Assert.Equal(3, transport.Responses(404).Count);
    }

    /// <summary>Status, reason and every header but the ones that echo the request (Via, From, To, Call-ID, CSeq).</summary>
    private static string Shape(SipResponse response)
    {
        var echoed = new[] { "Via", "From", "To", "Call-ID", "CSeq" };
        var headers = response.Headers.Where(h => !echoed.Contains(h.Name, StringComparer.OrdinalIgnoreCase)).Select(h => h.ToString());
        return $"{response.StatusCode} {response.ReasonPhrase}\n" + string.Join("\n", headers)
            + "\nheaders: " + string.Join(",", response.Headers.Select(h => h.Name));
    }
}
