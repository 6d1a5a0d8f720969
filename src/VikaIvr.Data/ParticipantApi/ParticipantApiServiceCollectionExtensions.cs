using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
                ParticipantApiResilience.Configure(builder, sp.GetRequiredService<ParticipantApiOptions>(), sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ParticipantApiResilience).FullName!));
            });
        services.AddHttpClient(ParticipantApiOptions.ClientName)
            .AddHttpMessageHandler(sp => new BoundedBodyHandler(sp.GetRequiredService<ParticipantApiOptions>().MaxResponseBytes));
        return services;
    }

    // HttpClient resolves "participants/…" against the last '/' of the base: "http://h/api" would lose "api".
    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
