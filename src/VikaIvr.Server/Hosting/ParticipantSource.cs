using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VikaIvr.Data.ParticipantApi;
using VikaIvr.Jkn.Participants;

namespace VikaIvr.Server.Hosting;

/// <summary>
/// Where the server's calls look participants up: the HTTP participant service when
/// Data:ParticipantApi:Url is set (<see cref="HttpParticipantRepository"/>, made on first use),
/// else the database's repository, which stays the default.
/// </summary>
public sealed partial class ParticipantSource(VikaSettings settings, IServiceProvider services, ILogger<ParticipantSource> log)
{
    /// <summary>The service's URL, or null when participants come from the database.</summary>
    public Uri? ServiceUrl { get; } = string.IsNullOrEmpty(settings.Data.ParticipantApi.Url) ? null : new Uri(settings.Data.ParticipantApi.Url);

    public IParticipantRepository Choose(IParticipantRepository database) =>
        ServiceUrl is null ? database : services.GetRequiredService<HttpParticipantRepository>();

    /// <summary>
    /// <see cref="Choose"/> at start: with the service configured, says so and probes it once
    /// (warming the connection; a service that does not answer is logged and does not stop the start).
    /// </summary>
    public async Task<IParticipantRepository> OpenAsync(IParticipantRepository database, CancellationToken ct)
    {
        if (ServiceUrl is null) return database;
        LogParticipantService(ServiceUrl.Scheme + "://" + ServiceUrl.Authority + ServiceUrl.AbsolutePath);
        var repository = services.GetRequiredService<HttpParticipantRepository>();
        await repository.ProbeAsync(ct).ConfigureAwait(false);
        return repository;
    }

    /// <summary>Registers the source and the participant service's client (used only when its URL is set).</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<ParticipantSource>();
        services.AddParticipantApi(sp => Options(sp.GetRequiredService<VikaSettings>().Data.ParticipantApi));
    }

    public static ParticipantApiOptions Options(ParticipantApiSettings api) => new()
    {
        BaseAddress = new Uri(api.Url),
        Timeout = TimeSpan.FromMilliseconds(api.TimeoutMs),
        Retries = api.Retries,
        CacheDuration = TimeSpan.FromSeconds(api.CacheSeconds),
    };

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Participants are looked up at the participant service {Url} (Data:ParticipantApi:Url)")]
    private partial void LogParticipantService(string url);
}
