using VikaIvr.Jkn.Identity;
using VikaIvr.Tools.ParticipantApiStandIn;
using static VikaIvr.Data.Tests.ParticipantApi.ParticipantApiUnderTest;

namespace VikaIvr.Data.Tests.ParticipantApi;

/// <summary>No NIK or card number in full in any log line of any category (HttpClient's, Polly's, ours) or failure message; no noise.</summary>
[Collection(ParticipantApiCollection.Name)]
public sealed class ParticipantApiPrivacyTests
{
    [Fact]
    public async Task Numbers_asked_for_appear_only_masked()
    {
        await using var api = await StartAsync(url => Options(url, timeoutMs: 6000, retries: 1, cacheSeconds: 60) with { BreakMinimumThroughput = 2 });
        var failures = new List<string>();

        await api.Repository.FindByNikAsync(Budi.Nik, default);
        await api.Repository.FindByNikAsync(Budi.Nik, default);
        await api.Repository.FindByCardAsync("0001234567899", default);
        foreach (var mode in new[] { StandInMode.InvalidJson, StandInMode.WrongTypes, StandInMode.Slow, StandInMode.Failing, StandInMode.Failing, StandInMode.Failing, StandInMode.Failing })
        {
            api.StandIn.Mode = mode;
            var ex = await Assert.ThrowsAsync<DataStoreException>(() => api.Repository.FindByCardAsync(Siti.CardNumber, default));
            failures.Add(ex.ToString());
        }

        Assert.Contains(failures, f => f.Contains("circuit is open", StringComparison.Ordinal));
        Assert.Contains(api.Logs.Lines, l => l.Contains(PersonalData.Mask(Budi.Nik), StringComparison.Ordinal));
        Assert.Contains(api.Logs.Lines, l => l.Contains(PersonalData.Mask(Siti.CardNumber), StringComparison.Ordinal));
        // Retries, timeouts and the open circuit are not warnings of their own (the flow logs the failure once).
        Assert.Contains(api.Logs.Lines, l => l.StartsWith("Debug Polly", StringComparison.Ordinal));
        Assert.DoesNotContain(api.Logs.Lines, l => l.StartsWith("Warning Polly", StringComparison.Ordinal) || l.StartsWith("Error Polly", StringComparison.Ordinal));
        foreach (string secret in new[] { Budi.Nik, Budi.CardNumber, Siti.Nik, Siti.CardNumber, "0001234567899" })
        {
            Assert.DoesNotContain(api.Logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(failures, f => f.Contains(secret, StringComparison.Ordinal));
        }
    }
}
