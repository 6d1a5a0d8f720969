using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VikaIvr.Server.Hosting.Admin;
using VikaIvr.Server.Hosting.Service;

namespace VikaIvr.Server.Tests.Admin;

/// <summary>Readiness from its checks and the drain, and what /readyz and /admin/drain answer from it.</summary>
public sealed class ServiceReadinessTests
{
    [Fact]
    public async Task A_failing_check_makes_the_node_not_ready_naming_it_and_a_passing_one_ready_again()
    {
        var database = new FakeCheck("database");
        var readiness = new ServiceReadiness([database, new FakeCheck("speech")]);

        database.Problem = "SQLite Error 14: 'unable to open database file'.";
        var down = await readiness.RefreshAsync(CancellationToken.None);
        database.Problem = null;
        var up = await readiness.RefreshAsync(CancellationToken.None);

        Assert.False(down.Ready);
        Assert.Equal("database: SQLite Error 14: 'unable to open database file'.", down.Reason);
        Assert.True(up.Ready);
        Assert.Same(up, readiness.Current);
    }

    [Fact]
    public async Task A_check_that_throws_counts_as_a_problem_and_the_drain_is_never_undone()
    {
        var readiness = new ServiceReadiness([new FakeCheck("prompts") { Throws = true }]);

        Assert.Equal("prompts: IOException", (await readiness.RefreshAsync(CancellationToken.None)).Reason);
        readiness.MarkDraining();
        var after = await readiness.RefreshAsync(CancellationToken.None);

        Assert.False(after.Ready);
        Assert.True(after.Draining);
        Assert.Equal("draining", after.Reason);
    }

    [Fact]
    public async Task Readyz_answers_503_while_starting_200_when_ready_and_503_with_the_reason()
    {
        var database = new FakeCheck("database");
        var readiness = new ServiceReadiness([database]);
        var lifetime = new FakeLifetime();

        var starting = await ExecuteAsync(AdminRoutes.Ready(readiness, lifetime));
        lifetime.Start();
        await readiness.RefreshAsync(CancellationToken.None);
        var ready = await ExecuteAsync(AdminRoutes.Ready(readiness, lifetime));
        database.Problem = "gone";
        await readiness.RefreshAsync(CancellationToken.None);
        var notReady = await ExecuteAsync(AdminRoutes.Ready(readiness, lifetime));

        Assert.Equal((503, "not ready: starting\n"), starting);
        Assert.Equal((200, "ready\n"), ready);
        Assert.Equal((503, "not ready: database: gone\n"), notReady);
    }

    [Fact]
    public async Task Drain_is_501_without_a_drain_and_begins_it_by_admin_with_one()
    {
        var drain = new FakeDrain();

        var without = await ExecuteAsync(AdminRoutes.Drain(null));
        var with = await ExecuteAsync(AdminRoutes.Drain(drain));

        Assert.Equal(501, without.Status);
        Assert.Equal(202, with.Status);
        Assert.Equal(["admin"], drain.By);
    }

    private static async Task<(int Status, string Body)> ExecuteAsync(IResult result)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }

    private sealed class FakeCheck(string name) : IReadinessCheck
    {
        public string Name => name;

        public string? Problem { get; set; }

        public bool Throws { get; init; }

        public Task<string?> ProblemAsync(CancellationToken ct) => Throws ? throw new IOException("disk") : Task.FromResult(Problem);
    }

    private sealed class FakeDrain : IDrainControl
    {
        public List<string> By { get; } = [];

        public bool IsDraining => By.Count > 0;

        public void BeginDrain(string by) => By.Add(by);
    }

    private sealed class FakeLifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _started = new();

        public CancellationToken ApplicationStarted => _started.Token;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void Start() => _started.Cancel();

        public void StopApplication()
        {
        }
    }
}
