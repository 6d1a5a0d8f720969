using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using VikaIvr.Flows.Runtime;
using VikaIvr.Jkn.Participants;
using VikaIvr.Server.Hosting.Service;
using VikaIvr.Sip.Core;
using VikaIvr.Speech;
using VikaIvr.Telephony.Calls;

namespace VikaIvr.Server.Hosting.Admin;

/// <summary>
/// What the admin endpoint serves, registered for `serve`: the instruments of each layer (one
/// meter, "VikaIvr", from <see cref="IMeterFactory"/>), the OpenTelemetry meter provider with its
/// Prometheus exporter (plus the runtime's own "System.Runtime" meter: GC pauses, heap, threads),
/// and the readiness owner with its checks.
/// </summary>
public static class AdminServices
{
    /// <summary>The runtime's built-in meter (.NET 9+): dotnet.gc.pause.time and the other runtime figures.</summary>
    public const string RuntimeMeter = "System.Runtime";

    public static IServiceCollection AddAdminEndpoint(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(CallMetrics.MeterName, RuntimeMeter)
            .AddPrometheusExporter());
        services.AddSingleton<SipMetrics>();
        services.AddSingleton<CallMetrics>();
        services.AddSingleton<FlowMetrics>();
        services.AddSingleton<SpeechMetrics>();
        services.AddSingleton<ParticipantLookupMetrics>();

        services.AddSingleton<ServiceReadiness>();
        services.AddSingleton<IReadinessCheck, DatabaseReadinessCheck>();
        services.AddSingleton<IReadinessCheck, SpeechReadinessCheck>();
        services.AddSingleton<IReadinessCheck, PromptsReadinessCheck>();
        return services;
    }
}
