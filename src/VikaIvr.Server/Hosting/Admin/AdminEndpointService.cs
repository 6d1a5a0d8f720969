using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using VikaIvr.Server.Hosting.Serve;
using VikaIvr.Server.Web;

namespace VikaIvr.Server.Hosting.Admin;

/// <summary>
/// The admin HTTP endpoint (Admin:Bind; empty = off): /healthz, /readyz, POST /admin/drain,
/// /metrics and the web console (<see cref="ConsoleServices"/>) on Kestrel. It is a small web application of its own, started by this hosted service
/// inside `serve`'s host, so `serve` keeps its one host, its start order and its stop: started
/// early (a taken port stops `serve` before anything heavy loads) and stopped late (the metrics and
/// readiness stay visible while the calls drain). What the routes read comes from `serve`'s own
/// services (<see cref="AdminRoutes"/>).
/// </summary>
public sealed partial class AdminEndpointService(
    IOptions<AdminSettings> settings,
    IServiceProvider services,
    MeterProvider meters,
    ILoggerFactory loggers,
    ILogger<AdminEndpointService> log) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The address bound ("http://127.0.0.1:8165"), null when off or not started.</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var bind = AdminBind.Parse(settings.Value.Bind);
        if (bind is null)
        {
            LogOff();
            return;
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(AdminEndpointService).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(bind);
            k.AddServerHeader = false;
        });
        builder.Services.AddRoutingCore();
        // `serve`'s logging, and no console lifetime of its own: SIGTERM belongs to `serve`'s host.
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton<IHostLifetime, AdminHostLifetime>();
        // The empty builder leaves out what MVC's Razor Pages expect of a full web host.
        var diagnostics = new DiagnosticListener("Microsoft.AspNetCore");
        builder.Services.AddSingleton(diagnostics);
        builder.Services.AddSingleton<DiagnosticSource>(diagnostics);
        builder.Services.AddVikaConsole(services);
        var app = builder.Build();
        AdminRoutes.Map(app, services, meters);
        app.UseVikaConsole();
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new ServeStartException($"vika serve: cannot listen on Admin:Bind {settings.Value.Bind}: {(ex.InnerException ?? ex).Message}");
        }

        _app = app;
        Address = BoundAddress(app, bind);
        LogListening(Address.ToString().TrimEnd('/'));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _app, null) is { } app)
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Kestrel reports the port it bound (port 0 in Admin:Bind becomes a real one).</summary>
    private static Uri BoundAddress(WebApplication app, IPEndPoint bind)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault();
        return first is not null ? new Uri(first) : new Uri($"http://{bind}");
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "admin endpoint on {Address}")]
    private partial void LogListening(string address);

    [LoggerMessage(EventId = 31, Level = LogLevel.Information, Message = "admin endpoint off (Admin:Bind is empty)")]
    private partial void LogOff();
}
