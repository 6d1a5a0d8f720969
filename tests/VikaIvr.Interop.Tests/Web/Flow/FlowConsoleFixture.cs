using VikaIvr.Interop.Tests.Harness;
using VikaIvr.Interop.Tests.Vika;
using VikaIvr.Interop.Tests.Web.ConsoleHarness;

namespace VikaIvr.Interop.Tests.Web.Flow;

/// <summary>
/// The console fixture whose server's flow can change under it (<see cref="FlowRevisionSetup"/>:
/// its own prompt folder with the vika-menu prompt a 440 Hz tone, its own copy of the flow file).
/// </summary>
public sealed class FlowConsoleFixture : ConsoleFixture, IDisposable
{
    internal FlowRevisionSetup Setup { get; } = new();

    protected override ServerOptions Options => Setup.Options;

    // xunit disposes a fixture that is IDisposable after its IAsyncLifetime.DisposeAsync (the server is stopped by then).
    public void Dispose() => Setup.Dispose();
}
