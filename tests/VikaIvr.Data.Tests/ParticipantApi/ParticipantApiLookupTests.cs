using System.Net;
using System.Net.Sockets;
using VikaIvr.Data.ParticipantApi;
using VikaIvr.Tools.ParticipantApiStandIn;
using static VikaIvr.Data.Tests.ParticipantApi.ParticipantApiUnderTest;

namespace VikaIvr.Data.Tests.ParticipantApi;

/// <summary>The HTTP participant repository against its stand-in over real HTTP on loopback: answers, timeouts, retries.</summary>
[Collection(ParticipantApiCollection.Name)]
public sealed class ParticipantApiLookupTests
{
    [Fact]
    public async Task Every_demo_participant_is_found_by_nik_and_by_card()
    {
        await using var api = await StartAsync(url => Options(url));

        foreach (var expected in Demo)
        {
            Assert.Equal(expected, await api.Repository.FindByNikAsync(expected.Nik, default));
            Assert.Equal(expected, await api.Repository.FindByCardAsync(expected.CardNumber, default));
        }

        Assert.Equal(Demo.Count * 2, api.StandIn.Requests);
    }

    [Fact]
    public async Task An_unknown_number_is_null()
    {
        await using var api = await StartAsync(url => Options(url));

        Assert.Null(await api.Repository.FindByNikAsync("3171011708850009", default));
        Assert.Null(await api.Repository.FindByCardAsync("0001234567899", default));
        // A NIK is not found through the card path.
        Assert.Null(await api.Repository.FindByCardAsync(Budi.Nik, default));
    }

    [Fact]
    public async Task A_base_url_with_a_path_keeps_it()
    {
        await using var api = await StartAsync(url => Options(new Uri(url, "api")));

        // The stand-in serves at its root, so the lookup under /api/ is a 404 (not found).
        Assert.Null(await api.Repository.FindByNikAsync(Budi.Nik, default));
        Assert.Equal(["/api/participants/nik/" + Budi.Nik], api.StandIn.Paths);
    }

    [Fact]
    public async Task A_slow_service_is_a_timeout_failure()
    {
        await using var api = await StartAsync(url => Options(url, timeoutMs: 300));
        api.StandIn.Mode = StandInMode.Slow;

        var ex = await Assert.ThrowsAsync<DataStoreException>(() => api.Repository.FindByNikAsync(Budi.Nik, default));

        Assert.Contains("no answer within 300 ms", ex.Message, StringComparison.Ordinal);
        Assert.Contains("NIK", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Budi.Nik, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_attempt_timeout_leaves_room_for_a_retry_within_the_total()
    {
        await using var api = await StartAsync(url => Options(url, timeoutMs: 4000, retries: 1));
        api.StandIn.Mode = StandInMode.Slow;

        var ex = await Assert.ThrowsAsync<DataStoreException>(() => api.Repository.FindByNikAsync(Budi.Nik, default));

        Assert.Contains("no answer within", ex.Message, StringComparison.Ordinal);
        // The first attempt had half of the 4 s, the retry the rest.
        Assert.Equal(2, api.StandIn.Requests);
    }

    [Fact]
    public async Task A_flaky_service_is_retried_until_it_answers()
    {
        await using var api = await StartAsync(url => Options(url, retries: 2));
        api.StandIn.FailNext(2);

        Assert.Equal(Budi, await api.Repository.FindByNikAsync(Budi.Nik, default));
        Assert.Equal(3, api.StandIn.Requests);
    }

    [Fact]
    public async Task Failures_beyond_the_retries_are_a_failure_naming_the_status()
    {
        await using var api = await StartAsync(url => Options(url, retries: 2));
        api.StandIn.FailNext(3);

        var ex = await Assert.ThrowsAsync<DataStoreException>(() => api.Repository.FindByCardAsync(Siti.CardNumber, default));

        Assert.Contains("answered 500", ex.Message, StringComparison.Ordinal);
        Assert.Contains("card number", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, api.StandIn.Requests);
    }

    [Fact]
    public async Task A_reset_connection_is_retried_then_a_failure()
    {
        await using var api = await StartAsync(url => Options(url, retries: 1));
        api.StandIn.Mode = StandInMode.Reset;

        var ex = await Assert.ThrowsAsync<DataStoreException>(() => api.Repository.FindByNikAsync(Budi.Nik, default));

        Assert.Contains("cannot be reached", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, api.StandIn.Requests);
    }

    [Fact]
    public async Task A_refused_connection_is_a_failure()
    {
        var nobody = new Uri($"http://127.0.0.1:{UnusedPort()}/");
        await using var api = await StartAsync(_ => Options(nobody, retries: 1));

        var ex = await Assert.ThrowsAsync<DataStoreException>(() => api.Repository.FindByNikAsync(Budi.Nik, default));

        Assert.Contains("cannot be reached", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, api.StandIn.Requests);
    }

    [Fact]
    public async Task A_cancelled_lookup_is_a_cancellation_not_a_store_failure()
    {
        await using var api = await StartAsync(url => Options(url));
        api.StandIn.Mode = StandInMode.Slow;
        using var hangup = new CancellationTokenSource();

        var lookup = api.Repository.FindByNikAsync(Budi.Nik, hangup.Token);
        await WaitUntilAsync(() => api.StandIn.Requests == 1);
        await hangup.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lookup);
    }

    [Fact]
    public async Task The_start_probe_asks_for_a_number_nobody_has_and_reports_failure_without_throwing()
    {
        await using var api = await StartAsync(url => Options(url, cacheSeconds: 60));

        Assert.True(await api.Repository.ProbeAsync(default));
        api.StandIn.Mode = StandInMode.Failing;
        Assert.False(await api.Repository.ProbeAsync(default));

        Assert.Equal(["/participants/nik/0000000000000000", "/participants/nik/0000000000000000"], api.StandIn.Paths);
        Assert.Contains(api.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("did not answer the start probe (", StringComparison.Ordinal)
            && l.Contains("answered 500", StringComparison.Ordinal));
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true within 20 s");
            await Task.Delay(10);
        }
    }
}
