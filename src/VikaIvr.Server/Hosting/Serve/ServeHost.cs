using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VikaIvr.Server.Hosting.Admin;
using VikaIvr.Server.Hosting.Service;
using VikaIvr.Server.Hosting.Settings;
using VikaIvr.Sip.Admission;
using VikaIvr.Telephony.Calls;

namespace VikaIvr.Server.Hosting.Serve;

/// <summary>
/// `vika serve` on the .NET Generic Host. The long-lived parts are hosted services started in this
/// order and stopped in the reverse one: priority, admin endpoint, call flows (speech, database,
/// flows), call-record writer, prompt sync, flow activation (poll and SIGHUP), media clock, media receiver, prompt preload, readiness refresher, SIP
/// stack, health line. SIGTERM first drains (<see cref="ServeLifetime"/>, <see cref="DrainService"/>:
/// up to Server:DrainSeconds), then — as on Ctrl+C at once — the host stops: the health line stops,
/// every call left gets its BYE and finishes, the media threads stop, and the record writer writes
/// the last records — within Server:StopSeconds.
/// </summary>
public static class ServeHost
{
    public static IHost Build(IConfiguration configuration, string home, TimeProvider clock, LogLevel level)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ApplicationName = "vika",
            ContentRootPath = home,
        });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(level);
        // A part that cannot start says why in one line on stderr (ServeStartException); the host's
        // own "failed to start" error would repeat it with a stack trace. Critical stays: a health
        // part that fails later and stops the host.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        // The admin endpoint's web host: its own "Now listening" repeats our "admin endpoint on"
        // line, and a probe every second must not write a line per request.
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });

        var services = builder.Services;
        services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        services.AddVikaOptions(configuration, home);
        services.Configure<HostOptions>(host => host.ShutdownTimeout = StopTimeout(configuration));
        services.AddSingleton(clock);
        services.AddSingleton(sp => VikaServices.Create(sp.GetRequiredService<VikaSettings>(), clock, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<TelephonyOptions>(sp => TelephonySettings.Create(sp.GetRequiredService<VikaSettings>()));
        // Drain and overload (issue 11, part A): SIGTERM drains (ServeLifetime replaces the console lifetime).
        services.AddMetrics();
        services.AddSingleton<SipRefusalMetrics>();
        services.AddSingleton<DrainMetrics>();
        services.AddSingleton<DrainService>();
        services.AddSingleton<IDrainControl>(sp => sp.GetRequiredService<DrainService>());
        services.AddSingleton<IHostLifetime, ServeLifetime>();

        // Watching it: metrics (OpenTelemetry, Prometheus exporter), readiness and its checks, the
        // admin endpoint. The endpoint starts right after the priority (a taken Admin:Bind stops
        // serve before anything heavy loads) and stops late, so /metrics and /readyz answer while
        // the calls drain; the readiness refresher runs its first checks before SIP answers.
        services.AddAdminEndpoint();
        services.AddSingleton<VikaIvr.Data.DataMetrics>();
        ParticipantSource.Register(services);
        Operator.OperatorLineServices.Register(services);

        Hosted<ServerPriorityService>(services);
        Hosted<AdminEndpointService>(services);
        Hosted<CallFlowsService>(services);
        Hosted<CallRecordWriterService>(services);
        Hosted<PromptSyncService>(services);
        Hosted<Flows.FlowActivationService>(services);
        Hosted<MediaClockService>(services);
        Hosted<MediaReceiverService>(services);
        Hosted<PromptPreloadService>(services);
        Hosted<ReadinessRefreshService>(services);
        Hosted<SipStackService>(services);
        Hosted<RuntimeStatsService>(services);
        return builder.Build();
    }

    /// <summary>
    /// Server:StopSeconds, read as text: the host reads its options while it is built, before the
    /// settings are checked, so a bad value keeps the default here and is reported by the check.
    /// </summary>
    private static TimeSpan StopTimeout(IConfiguration configuration)
    {
        int seconds = new ServerSettings().StopSeconds;
        if (int.TryParse(configuration["Server:StopSeconds"], System.Globalization.CultureInfo.InvariantCulture, out int configured)
            && NumericSettings.For("Server:StopSeconds").Allows(configured))
        {
            seconds = configured;
        }

        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>One instance, both a hosted service and a dependency of the parts started after it.</summary>
    private static void Hosted<T>(IServiceCollection services)
        where T : class, IHostedService
    {
        services.AddSingleton<T>();
        services.AddHostedService(sp => sp.GetRequiredService<T>());
    }
}
