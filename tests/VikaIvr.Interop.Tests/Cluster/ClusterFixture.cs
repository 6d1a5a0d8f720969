namespace VikaIvr.Interop.Tests.Cluster;

/// <summary>
/// `scripts/cluster.sh start --nodes 3` once for a test class: Kamailio in front of three nodes
/// with the operator line open (PIN <see cref="OperatorPin"/>), on the default cluster store.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string OperatorPin = "573104";
    public const string OperatorNumber = "16599";

    private LocalCluster? _cluster;
    private Exception? _startFailure;

    public LocalCluster Cluster =>
        _cluster ?? throw new InvalidOperationException("the cluster did not start: " + _startFailure?.Message, _startFailure);

    public async Task InitializeAsync()
    {
        // A start failure is reported by each test with the logs, not as a fixture crash.
        try
        {
            _cluster = await LocalCluster.StartAsync(3, ClusterProvider.Default, "Operator:Number=" + OperatorNumber, "Operator:Pin=" + OperatorPin);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            _startFailure = ex;
        }
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
