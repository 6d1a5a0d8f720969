using Microsoft.Extensions.DependencyInjection;

namespace VikaIvr.Server.Hosting.Operator;

/// <summary>The operator line's defences for `serve`: one lockout table per node, its metrics and its events.</summary>
public static class OperatorLineServices
{
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton(sp => OperatorPinLockout.From(sp.GetRequiredService<VikaSettings>().Operator, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<OperatorMetrics>();
        services.AddSingleton<OperatorPinDefence>();
    }
}
