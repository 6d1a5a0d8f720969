using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VikaIvr.Sip.Auth;
using VikaIvr.Sip.Core;
using VikaIvr.Sip.Message;
using VikaIvr.Sip.Transactions;

namespace VikaIvr.Sip.Tests.Core;

public sealed class SipRegistrationClientTests
{
    [Theory]
    [InlineData(SipDigestAlgorithm.Md5)]
    [InlineData(SipDigestAlgorithm.Sha256)]
    public async Task Registers_with_digest_and_refreshes_before_expiry(SipDigestAlgorithm algorithm)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-01-01T00:00:00Z"));
        var transport = new InMemorySipTransport();
        var layer = new SipTransactionLayer(transport, new SipTimerOptions(), time);
        var registrar = new SipDigestServer("trunk", u => u == "6221165" ? "s3cret" : null, time, algorithm);
        var client = new SipRegistrationClient(layer, new SipRegistrationOptions
        {
            RegistrarUri = "sip:192.0.2.50:5060", User = "6221165", Password = "s3cret", Expires = 120,
        }, NullLogger<SipRegistrationClient>.Instance);

        var started = client.StartAsync(new IPEndPoint(IPAddress.Parse("10.0.0.1"), 5060));
        var first = Assert.Single(transport.Requests("REGISTER"));
        Reply(layer, first, 401, r => r.Headers.Add("WWW-Authenticate", registrar.CreateChallenge()));

        await SipUaFixture.WaitUntil(() => transport.Requests("REGISTER").Count == 2);
        var second = transport.Requests("REGISTER")[1];
        Assert.Equal(SipDigestVerdict.Valid, registrar.Verify(second.Authorization, "REGISTER"));
        Assert.Equal(first.CSeq!.Number + 1, second.CSeq!.Number);
        Reply(layer, second, 200, r => r.Headers.Add("Expires", "120"));
        Assert.True(await started.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(120, client.GrantedExpires);

        time.Advance(TimeSpan.FromSeconds(89));
        Assert.Equal(2, transport.Requests("REGISTER").Count);
        time.Advance(TimeSpan.FromSeconds(1));
        await SipUaFixture.WaitUntil(() => transport.Requests("REGISTER").Count == 3);
        client.Stop();
    }

    private static void Reply(SipTransactionLayer layer, SipRequest request, int status, Action<SipResponse> decorate)
    {
        var response = SipResponse.CreateFor(request, status, toTag: "reg");
        decorate(response);
        {
            Assert.True(layer.HandleResponse((SipResponse)SipParser.Parse(SipSerializer.ToArray(response))));
        }
    }
}
