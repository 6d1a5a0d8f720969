using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using VikaIvr.Server.Hosting.Service;

namespace VikaIvr.Server.Hosting.Admin;

/// <summary>
/// What the admin endpoint answers. /healthz: the process runs. /readyz: the last readiness
/// result (never a check run per request: a probe every second must not hit the database), 503
/// with the reason while `serve` is still starting, not ready or draining. POST /admin/drain:
/// the drain (501 when this build has none). /metrics: Prometheus text from the OpenTelemetry exporter.
/// </summary>
public static class AdminRoutes
{
    public static void Map(WebApplication app, IServiceProvider serve, MeterProvider meters)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(serve);
        var readiness = serve.GetRequiredService<ServiceReadiness>();
        var lifetime = serve.GetRequiredService<IHostApplicationLifetime>();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(meters, null, "/metrics", null, null);
        // The probes and the drain control answer without a console sign-in (Admin:Bind is loopback by default).
        app.MapGet("/healthz", () => Results.Text("ok\n")).AllowAnonymous();
        app.MapGet("/readyz", () => Ready(readiness, lifetime)).AllowAnonymous();
        app.MapPost("/admin/drain", () => Drain(serve.GetService<IDrainControl>())).AllowAnonymous();
    }

    /// <summary>The /readyz answer: 200 "ready", else 503 with why.</summary>
    public static IResult Ready(ServiceReadiness readiness, IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(readiness);
        ArgumentNullException.ThrowIfNull(lifetime);
        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return Results.Text("not ready: starting\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var current = readiness.Current;
        return current.Ready
            ? Results.Text("ready\n")
            : Results.Text("not ready: " + current.Reason + "\n", statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>The POST /admin/drain answer: 202 once the drain has begun, 501 when this build cannot drain.</summary>
    public static IResult Drain(IDrainControl? drain)
    {
        if (drain is null)
        {
            return Results.Text("drain is not available\n", statusCode: StatusCodes.Status501NotImplemented);
        }

        drain.BeginDrain("admin");
        return Results.Text("draining\n", statusCode: StatusCodes.Status202Accepted);
    }
}
