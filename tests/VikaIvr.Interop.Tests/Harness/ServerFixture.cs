namespace VikaIvr.Interop.Tests.Harness;

/// <summary>One server per test class (xunit class fixture), with its own ports and data folder.</summary>
public class ServerFixture : IAsyncLifetime
{
    private ServerProcess? _server;
    private Exception? _startFailure;

    public ServerProcess Server =>
        _server ?? throw new InvalidOperationException("the server did not start: " + _startFailure?.Message, _startFailure);

    protected virtual ServerOptions Options => new();

    public async Task InitializeAsync()
    {
        // A start failure is reported by each test (with the server's output), not as a fixture crash
        // whose message xunit truncates.
        try
        {
            _server = await ServerProcess.StartAsync(Options);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            _startFailure = ex;
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
