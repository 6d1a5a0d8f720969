using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Telemetry;

namespace VikaIvr.Data.ParticipantApi;

/// <summary>
/// Registers the HTTP participant repository: a named <see cref="HttpClient"/> from
/// IHttpClientFactory with the resilience pipeline of <see cref="ParticipantApiResilience"/>
/// (one circuit per process: the pipeline is shared by every client the factory makes), the
/// capped body reader, and no request logging (the URL holds the NIK or card number).
/// The caller registers <see cref="TimeProvider"/> and logging.
/// </summary>
public static class ParticipantApiServiceCollectionExtensions
{
    public static IServiceCollection AddParticipantApi(this IServiceCollection services, Func<IServiceProvider, ParticipantApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton<ParticipantApiOptions>(options);
        services.AddSingleton(sp => new ParticipantAnswerCache(sp.GetRequiredService<ParticipantApiOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<HttpParticipantRepository>();
        services.AddHttpClient(ParticipantApiOptions.ClientName, (sp, client) =>
            {
                var o = sp.GetRequiredService<ParticipantApiOptions>();
                client.BaseAddress = WithTrailingSlash(o.BaseAddress);
                // The pipeline's total timeout ends a lookup; this only backs it up.
                client.Timeout = o.Timeout + TimeSpan.FromSeconds(1);
                client.MaxResponseContentBufferSize = o.MaxResponseBytes;
                client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
            })
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectTimeout = sp.GetRequiredService<ParticipantApiOptions>().Timeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                AutomaticDecompression = DecompressionMethods.None,
            })
            .AddResilienceHandler(ParticipantApiOptions.ClientName, (builder, context) =>
            {
                var sp = context.ServiceProvider;
                var loggers = sp.GetRequiredService<ILoggerFactory>();
                // Polly logs every retry and timeout as a warning or error with its stack trace; the
                // lookup's own failure line (and the circuit's) tells the story, so its events are Debug.
                builder.ConfigureTelemetry(new TelemetryOptions(sp.GetRequiredService<IOptions<TelemetryOptions>>().Value)
                {
                    LoggerFactory = loggers,
                    SeverityProvider = _ => ResilienceEventSeverity.Debug,
                });
                ParticipantApiResilience.Configure(builder, sp.GetRequiredService<ParticipantApiOptions>(), sp.GetRequiredService<TimeProvider>(),
                    loggers.CreateLogger(typeof(ParticipantApiResilience).FullName!));
            });
        services.AddHttpClient(ParticipantApiOptions.ClientName)
            .AddHttpMessageHandler(sp => new BoundedBodyHandler(sp.GetRequiredService<ParticipantApiOptions>().MaxResponseBytes));
        return services;
    }

    // HttpClient resolves "participants/…" against the last '/' of the base: "http://h/api" would lose "api".
    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
