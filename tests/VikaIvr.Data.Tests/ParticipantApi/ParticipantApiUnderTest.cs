using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VikaIvr.Data.ParticipantApi;
using VikaIvr.Jkn.Participants;
using VikaIvr.Jkn.Time;
using VikaIvr.Tools.ParticipantApiStandIn;

namespace VikaIvr.Data.Tests.ParticipantApi;

/// <summary>
/// A stand-in service with the demo participants and the repository composed as the server
/// composes it (AddParticipantApi), with the options and clock a test chooses and every log
/// line captured.
/// </summary>
public sealed class ParticipantApiUnderTest : IAsyncDisposable
{
    public static readonly YearMonth Month = new(2026, 11);

    private readonly ServiceProvider _services;

    private ParticipantApiUnderTest(ParticipantApiStandIn standIn, ServiceProvider services, CapturedLogs logs)
    {
        StandIn = standIn;
        _services = services;
        Logs = logs;
        Repository = services.GetRequiredService<HttpParticipantRepository>();
    }

    public static IReadOnlyList<Participant> Demo { get; } = DemoParticipants.For(Month);

    public static Participant Budi => Demo[0];

    public static Participant Siti => Demo[1];

    public ParticipantApiStandIn StandIn { get; }

    public HttpParticipantRepository Repository { get; }

    public CapturedLogs Logs { get; }

    /// <summary>
    /// Options for tests: no cache unless asked, short back-off, and a generous total (so a cold
    /// start never times out) unless the test is about timeouts.
    /// </summary>
    public static ParticipantApiOptions Options(Uri url, int timeoutMs = 30_000, int retries = 0, int cacheSeconds = 0) => new()
    {
        BaseAddress = url,
        Timeout = TimeSpan.FromMilliseconds(timeoutMs),
        Retries = retries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        CacheDuration = TimeSpan.FromSeconds(cacheSeconds),
    };

    public static async Task<ParticipantApiUnderTest> StartAsync(Func<Uri, ParticipantApiOptions> options, TimeProvider? clock = null)
    {
        var standIn = await ParticipantApiStandIn.StartAsync(Demo);
        var logs = new CapturedLogs();
        var services = new ServiceCollection()
            .AddSingleton(clock ?? TimeProvider.System)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs))
            .AddParticipantApi(_ => options(standIn.Url))
            .BuildServiceProvider();
        return new ParticipantApiUnderTest(standIn, services, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await StandIn.DisposeAsync();
    }
}
