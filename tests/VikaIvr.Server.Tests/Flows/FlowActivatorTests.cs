using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Data.FlowRevisions;
using VikaIvr.Flows.Model;
using VikaIvr.Flows.Runtime;
using VikaIvr.Server.Hosting;
using VikaIvr.Server.Hosting.Flows;
using VikaIvr.Server.Hosting.Operator;
using VikaIvr.Server.Tests.Operator;
using VikaIvr.Tests.Shared;

namespace VikaIvr.Server.Tests.Flows;

/// <summary>
/// Activations in a running server: a new call takes the newly active interpreter while one that
/// started before keeps its own; an invalid revision is refused with its line and never activated.
/// </summary>
public sealed class FlowActivatorTests : IDisposable
{
    // The interpreters are only compared here, never run: no prompts or speech are needed.
    private static readonly FlowRuntime Runtime = new(null!, null!, FlowComponents.Empty, TimeProvider.System);

    private readonly List<FlowRevisionDatabase> _databases = [];
    private readonly List<(string Actor, long Revision)> _audited = [];

    [Fact]
    public async Task A_new_revision_is_stored_activated_and_taken_by_the_next_call_while_a_call_in_progress_keeps_its_own()
    {
        var (activator, router, store) = await StartAsync();
        var inProgress = router.Select(CallTo("165"));

        var result = await activator.SubmitAsync(FlowRevisionDatabase.ValidB, "ana", FlowRevisionSources.Console, "b instead of a", "upload", default);

        Assert.True(result.Activated);
        Assert.Equal(2, result.Revision!.Id);
        Assert.Equal(2, await store.GetActiveIdAsync(default));
        var next = router.Select(CallTo("165"));
        Assert.NotSame(inProgress, next);
        Assert.Equal("b", next.Flow.Start.Name);
        Assert.Equal("a", inProgress.Flow.Start.Name);
        // The flow keeps its file name (metrics, records) whatever the revision came from.
        Assert.Equal(FlowRevisionDatabase.FlowFile, next.Flow.File);
        Assert.Equal([("ana", 2L)], _audited);
    }

    [Fact]
    public async Task An_invalid_revision_is_refused_with_its_line_and_nothing_is_stored_or_activated()
    {
        var (activator, router, store) = await StartAsync();
        var before = router.Select(CallTo("165"));

        var result = await activator.SubmitAsync(FlowRevisionDatabase.Unreachable, "ana", FlowRevisionSources.Console, null, "upload", default);

        Assert.False(result.Activated);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("upload", 5), (error.File, error.Line));
        Assert.Single(await store.ListAsync(10, default));
        Assert.Equal(1, await store.GetActiveIdAsync(default));
        Assert.Same(before, router.Select(CallTo("165")));
        Assert.Empty(_audited);
    }

    [Fact]
    public async Task A_rollback_activates_the_older_revision_again()
    {
        var (activator, router, store) = await StartAsync();
        await activator.SubmitAsync(FlowRevisionDatabase.ValidB, "ana", FlowRevisionSources.Console, null, "upload", default);

        var result = await activator.ActivateAsync(1, "budi", default);

        Assert.True(result.Activated);
        Assert.Equal(1, activator.Current.Revision);
        Assert.Equal("a", router.Select(CallTo("165")).Flow.Start.Name);
        Assert.Equal(1, await store.GetActiveIdAsync(default));
        Assert.Equal([("ana", 2L), ("budi", 1L)], _audited);
        Assert.False((await activator.ActivateAsync(42, "budi", default)).Activated);
    }

    [Fact]
    public async Task An_activation_made_elsewhere_is_followed_and_an_invalid_one_is_not()
    {
        var (activator, router, store) = await StartAsync();
        Assert.False(await activator.FollowAsync(default));

        // `vika flow reload` or another node: only the database changes.
        var other = await store.AddAsync(FlowRevisionDatabase.ValidB, "ops", FlowRevisionSources.Cli, null, DateTimeOffset.UtcNow, default);
        await store.ActivateAsync(other.Id, DateTimeOffset.UtcNow, default);
        Assert.True(await activator.FollowAsync(default));
        Assert.Equal(other.Id, activator.Current.Revision);
        Assert.Equal("b", router.Select(CallTo("165")).Flow.Start.Name);

        var broken = await store.AddAsync(FlowRevisionDatabase.Unreachable, "ops", FlowRevisionSources.Cli, null, DateTimeOffset.UtcNow, default);
        await store.ActivateAsync(broken.Id, DateTimeOffset.UtcNow, default);
        Assert.False(await activator.FollowAsync(default));
        Assert.Equal(other.Id, activator.Current.Revision);
        Assert.Equal("b", router.Select(CallTo("165")).Flow.Start.Name);
    }

    [Fact]
    public async Task The_operator_line_keeps_the_recording_flow_whatever_is_active()
    {
        var db = await FlowRevisionDatabase.CreateAsync();
        _databases.Add(db);
        var recording = Interpreter(FlowRevisionDatabase.Check.Check(FlowRevisionDatabase.ValidB, "recording").Flow!);
        var holder = new ActiveFlowHolder(Active(1, FlowRevisionDatabase.ValidA));
        using var meters = new MeterCapture();
        var defence = new OperatorPinDefence(new OperatorPinLockout(5, TimeSpan.FromMinutes(15), 16, TimeProvider.System), new OperatorMetrics(meters),
            NullLogger<OperatorPinDefence>.Instance);
        var line = new OperatorLineFlow(new OperatorLine("1650", "246810"), recording.Flow, Runtime, new NoRecorder(), defence,
            NullLogger<FlowInterpreter>.Instance);
        var router = new CallFlowRouter(holder, line);
        Assert.Same(recording.Flow, router.Select(CallTo("1650")).Flow);
        Assert.Same(holder.Current.Interpreter, router.Select(CallTo("165")));
    }

    public void Dispose()
    {
        foreach (var db in _databases) db.Dispose();
    }

    private static FakeCall CallTo(string called) => new(called);

    private static FlowInterpreter Interpreter(FlowDefinition flow) => new(flow, Runtime, NullLogger<FlowInterpreter>.Instance);

    private static ActiveFlow Active(long revision, string yaml)
    {
        var flow = FlowRevisionDatabase.Check.Check(yaml, FlowRevisionDatabase.FlowFile).Flow!;
        return new ActiveFlow(revision, "vika serve", FlowRevisionStore.Hash(yaml), flow, Interpreter(flow));
    }

    private async Task<(FlowActivator Activator, CallFlowRouter Router, FlowRevisionStore Store)> StartAsync()
    {
        var db = await FlowRevisionDatabase.CreateAsync();
        _databases.Add(db);
        var choice = await FlowStartRule.ChooseAsync(db.Store, FlowRevisionDatabase.FlowFile, FlowRevisionDatabase.ValidA, FlowRevisionDatabase.Check,
            DateTimeOffset.UtcNow, default);
        var holder = new ActiveFlowHolder(Active(choice.Revision.Id, choice.Revision.Yaml));
        var activator = new FlowActivator(db.Store, holder, FlowRevisionDatabase.Check, Interpreter, new Trail(_audited), TimeProvider.System,
            NullLogger<FlowActivator>.Instance);
        return (activator, new CallFlowRouter(holder), db.Store);
    }

    private sealed class Trail(List<(string, long)> audited) : IFlowAuditTrail
    {
        public Task ActivatedAsync(string actor, FlowRevision revision, CancellationToken ct)
        {
            audited.Add((actor, revision.Id));
            return Task.CompletedTask;
        }
    }
}
