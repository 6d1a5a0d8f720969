using VikaIvr.Jkn.Participants;
using VikaIvr.Jkn.Time;
using VikaIvr.Tests.Shared;

namespace VikaIvr.Jkn.Tests;

/// <summary>Every lookup through the measured repository lands in the latency histogram by key and result, never by number.</summary>
public sealed class ParticipantLookupMetricsTests
{
    [Fact]
    public async Task Lookups_are_timed_by_key_and_result_found_not_found_and_error()
    {
        using var meters = new MeterCapture();
        var inner = new InMemoryParticipantRepository(DemoParticipants.For(new YearMonth(2026, 11)));
        var repository = new MeasuredParticipantRepository(inner, new ParticipantLookupMetrics(meters));

        Assert.NotNull(await repository.FindByNikAsync("3171011708850001", CancellationToken.None));
        Assert.Null(await repository.FindByCardAsync("0000000000000", CancellationToken.None));
        inner.Failure = new InvalidOperationException("store down");
        await Assert.ThrowsAsync<InvalidOperationException>(() => repository.FindByNikAsync("3171011708850001", CancellationToken.None));

        var keys = meters.All.Keys.Where(k => k.StartsWith("vika.participant.lookup.duration|", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
        [
            "vika.participant.lookup.duration|key=card,result=not-found",
            "vika.participant.lookup.duration|key=nik,result=error",
            "vika.participant.lookup.duration|key=nik,result=found",
        ], keys);
        Assert.DoesNotContain(meters.All.Keys, k => k.Contains("3171", StringComparison.Ordinal));
    }
}
