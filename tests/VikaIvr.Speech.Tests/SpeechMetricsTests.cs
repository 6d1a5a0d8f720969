using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Speech.Engines;
using VikaIvr.Speech.Text;
using VikaIvr.Tests.Shared;

namespace VikaIvr.Speech.Tests;

/// <summary>Synthesis latency from the measured engine (misses only) and the cache's answers as a counter.</summary>
public sealed class SpeechMetricsTests
{
    [Fact]
    public async Task Each_engine_synthesis_is_timed_and_the_cache_answers_are_counted()
    {
        using var meters = new MeterCapture();
        var metrics = new SpeechMetrics(meters);
        var engine = new FakeSpeechEngine();
        var speech = new SpeechService(new MeasuredSpeechEngine(engine, metrics), new IndonesianNormalizer(), new SpeechServiceOptions(), NullLogger<SpeechService>.Instance);
        metrics.Observe(speech);

        await speech.SayAsync("status kepesertaan aktif", CancellationToken.None);
        await speech.SayAsync("status kepesertaan aktif", CancellationToken.None);
        engine.Failure = new Flows.Ports.SpeechException("engine down");
        await Assert.ThrowsAsync<Flows.Ports.SpeechException>(() => speech.SayAsync("kelas tiga", CancellationToken.None));
        meters.Collect();

        Assert.Contains("vika.speech.synthesis.duration|engine=fake,result=ok", meters.All.Keys);
        Assert.Contains("vika.speech.synthesis.duration|engine=fake,result=error", meters.All.Keys);
        Assert.Equal(1, meters.Sum("vika.speech.cache.lookups", "result=memory-hit"));
        Assert.Equal(2, meters.Sum("vika.speech.cache.lookups", "result=miss"));
        Assert.DoesNotContain(meters.All.Keys, k => k.Contains("kepesertaan", StringComparison.Ordinal));
    }
}
