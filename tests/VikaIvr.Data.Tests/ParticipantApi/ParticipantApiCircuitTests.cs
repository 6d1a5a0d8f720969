using Microsoft.Extensions.Time.Testing;
using VikaIvr.Data.ParticipantApi;
using VikaIvr.Tools.ParticipantApiStandIn;
using static VikaIvr.Data.Tests.ParticipantApi.ParticipantApiUnderTest;

namespace VikaIvr.Data.Tests.ParticipantApi;

/// <summary>
/// A failing service opens the circuit: lookups then fail at once without a request (the stand-in's
/// count stays), and after the break one probe closes it again. Time is a FakeTimeProvider, so the
/// break ends when the test says; the stand-in answers at once, so no timeout depends on it.
/// </summary>
[Collection(ParticipantApiCollection.Name)]
public sealed class ParticipantApiCircuitTests
{
    private static readonly TimeSpan Break = TimeSpan.FromSeconds(15);

    private static ParticipantApiOptions Circuit(Uri url) => Options(url) with
    {
        BreakMinimumThroughput = 4,
        BreakFailureRatio = 0.5,
        BreakDuration = Break,
    };

    [Fact]
    public async Task A_failing_service_opens_the_circuit_and_a_later_probe_closes_it()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var api = await StartAsync(Circuit, clock);
        api.StandIn.Mode = StandInMode.Failing;

        for (int i = 0; i < 4; i++)
        {
            var failed = await Assert.ThrowsAsync<DataStoreException>(() => api.Repository.FindByNikAsync(Budi.Nik, default));
            Assert.Contains("answered 500", failed.Message, StringComparison.Ordinal);
        }

        Assert.Equal(4, api.StandIn.Requests);

        // Open: no request reaches the service, even once it is healthy again.
        api.StandIn.Mode = StandInMode.Normal;
        var open = await Assert.ThrowsAsync<DataStoreException>(() => api.Repository.FindByNikAsync(Budi.Nik, default));
        Assert.Contains("circuit is open", open.Message, StringComparison.Ordinal);
        clock.Advance(Break - TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<DataStoreException>(() => api.Repository.FindByNikAsync(Budi.Nik, default));
        Assert.Equal(4, api.StandIn.Requests);
        Assert.Contains(api.Logs.Lines, l => l.Contains("circuit opened for 15 s", StringComparison.Ordinal));

        // After the break the next lookup is the probe; its success closes the circuit.
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Budi, await api.Repository.FindByNikAsync(Budi.Nik, default));
        Assert.Equal(Siti, await api.Repository.FindByNikAsync(Siti.Nik, default));
        Assert.Equal(6, api.StandIn.Requests);
        Assert.Contains(api.Logs.Lines, l => l.Contains("circuit closed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_probe_opens_the_circuit_again()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var api = await StartAsync(Circuit, clock);
        api.StandIn.Mode = StandInMode.Failing;
        for (int i = 0; i < 4; i++) await Assert.ThrowsAsync<DataStoreException>(() => api.Repository.FindByNikAsync(Budi.Nik, default));

        clock.Advance(Break);
        var probe = await Assert.ThrowsAsync<DataStoreException>(() => api.Repository.FindByNikAsync(Budi.Nik, default));
        Assert.Contains("answered 500", probe.Message, StringComparison.Ordinal);
        var open = await Assert.ThrowsAsync<DataStoreException>(() => api.Repository.FindByNikAsync(Budi.Nik, default));

        Assert.Contains("circuit is open", open.Message, StringComparison.Ordinal);
        Assert.Equal(5, api.StandIn.Requests);
    }

    [Fact]
    public async Task Not_found_answers_do_not_open_the_circuit()
    {
        await using var api = await StartAsync(Circuit);

        for (int i = 0; i < 8; i++) Assert.Null(await api.Repository.FindByNikAsync($"31710117088599{i:D2}", default));

        Assert.Equal(Budi, await api.Repository.FindByNikAsync(Budi.Nik, default));
        Assert.Equal(9, api.StandIn.Requests);
    }
}
