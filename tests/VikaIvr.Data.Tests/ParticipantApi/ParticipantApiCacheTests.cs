using Microsoft.Extensions.Time.Testing;
using VikaIvr.Tools.ParticipantApiStandIn;
using static VikaIvr.Data.Tests.ParticipantApi.ParticipantApiUnderTest;

namespace VikaIvr.Data.Tests.ParticipantApi;

/// <summary>Recent answers, found and not found, are reused for CacheSeconds; failures never are.</summary>
[Collection(ParticipantApiCollection.Name)]
public sealed class ParticipantApiCacheTests
{
    private const string UnknownNik = "3171011708850009";

    [Fact]
    public async Task A_cached_answer_does_not_reach_the_service_until_it_expires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var api = await StartAsync(url => Options(url, cacheSeconds: 60), clock);

        Assert.Equal(Budi, await api.Repository.FindByNikAsync(Budi.Nik, default));
        Assert.Null(await api.Repository.FindByNikAsync(UnknownNik, default));
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(Budi, await api.Repository.FindByNikAsync(Budi.Nik, default));
        Assert.Null(await api.Repository.FindByNikAsync(UnknownNik, default));
        Assert.Equal(2, api.StandIn.Requests);

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(Budi, await api.Repository.FindByNikAsync(Budi.Nik, default));
        Assert.Null(await api.Repository.FindByNikAsync(UnknownNik, default));
        Assert.Equal(4, api.StandIn.Requests);
    }

    [Fact]
    public async Task A_nik_and_a_card_are_cached_apart()
    {
        await using var api = await StartAsync(url => Options(url, cacheSeconds: 60));

        Assert.Equal(Budi, await api.Repository.FindByNikAsync(Budi.Nik, default));
        Assert.Equal(Budi, await api.Repository.FindByCardAsync(Budi.CardNumber, default));
        // The same digits asked as a card are another question (and not found).
        Assert.Null(await api.Repository.FindByCardAsync(Budi.Nik, default));

        Assert.Equal(3, api.StandIn.Requests);
    }

    [Fact]
    public async Task Cache_seconds_zero_asks_every_time()
    {
        await using var api = await StartAsync(url => Options(url, cacheSeconds: 0));

        await api.Repository.FindByNikAsync(Budi.Nik, default);
        await api.Repository.FindByNikAsync(Budi.Nik, default);

        Assert.Equal(2, api.StandIn.Requests);
    }

    [Fact]
    public async Task A_failure_is_not_cached()
    {
        await using var api = await StartAsync(url => Options(url, cacheSeconds: 60));
        api.StandIn.Mode = StandInMode.Failing;
        await Assert.ThrowsAsync<DataStoreException>(() => api.Repository.FindByNikAsync(Budi.Nik, default));

        api.StandIn.Mode = StandInMode.Normal;

        Assert.Equal(Budi, await api.Repository.FindByNikAsync(Budi.Nik, default));
        Assert.Equal(2, api.StandIn.Requests);
    }
}
