using VikaIvr.Tools.ParticipantApiStandIn;
using static VikaIvr.Data.Tests.ParticipantApi.ParticipantApiUnderTest;

namespace VikaIvr.Data.Tests.ParticipantApi;

/// <summary>A service answering garbage: a clear failure naming what is wrong, never a crash, not retried.</summary>
[Collection(ParticipantApiCollection.Name)]
public sealed class ParticipantApiGarbageTests
{
    [Theory]
    [InlineData(StandInMode.InvalidJson, "the answer is not JSON")]
    [InlineData(StandInMode.WrongShape, "the answer is a JSON array, not an object")]
    [InlineData(StandInMode.WrongTypes, "field 'care_class' is missing or not a number 1-3")]
    [InlineData(StandInMode.HugeBody, "the answer body is larger than 65536 bytes")]
    [InlineData(StandInMode.WrongParticipant, "another participant's NIK")]
    public async Task Garbage_is_a_clear_failure_and_is_not_retried(StandInMode mode, string expected)
    {
        await using var api = await StartAsync(url => Options(url, retries: 2));
        api.StandIn.Mode = mode;

        var ex = await Assert.ThrowsAsync<DataStoreException>(() => api.Repository.FindByNikAsync(Siti.Nik, default));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Siti.Nik, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Budi.Nik, ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, api.StandIn.Requests);
    }

    [Fact]
    public async Task The_service_answers_again_after_garbage()
    {
        await using var api = await StartAsync(url => Options(url));
        api.StandIn.Mode = StandInMode.InvalidJson;
        await Assert.ThrowsAsync<DataStoreException>(() => api.Repository.FindByNikAsync(Siti.Nik, default));

        api.StandIn.Mode = StandInMode.Normal;

        Assert.Equal(Siti, await api.Repository.FindByNikAsync(Siti.Nik, default));
    }
}
