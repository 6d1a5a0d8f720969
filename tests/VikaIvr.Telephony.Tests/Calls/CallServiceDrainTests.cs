using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Flows.Ports;
using VikaIvr.Media.Clock;
using VikaIvr.Media.Session;
using VikaIvr.Sip.Message;
using VikaIvr.Telephony.Calls;
using VikaIvr.Telephony.Media;

namespace VikaIvr.Telephony.Tests.Calls;

/// <summary>The call service's drain, its BYEs that no record waits for, and ports taken only when a call is answered.</summary>
public sealed class CallServiceDrainTests : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly SipHarness _sip = new();
    private readonly MediaClock _clock = new(new MediaClockOptions { MaxPacerThreads = 1 }, new ManualTickSource(), NullLogger<MediaClock>.Instance);
    private readonly Channel<CallRecord> _records = Channel.CreateUnbounded<CallRecord>();
    private readonly Channel<ICall> _started = Channel.CreateUnbounded<ICall>();
    private readonly RtpPortAllocator _ports;
    private readonly CallService _service;
    private Func<ICall, CancellationToken, Task> _run = (call, _) => Task.Delay(Timeout.Infinite, call.Ended);

    public CallServiceDrainTests()
    {
        int first = 47000 + (Environment.ProcessId % 50) * 20;
        _ports = new RtpPortAllocator(new RtpPortAllocatorOptions { MinPort = first, MaxPort = first + 19 });
        _service = Create(_sip, new TelephonyOptions { MediaAddress = IPAddress.Loopback });
        _clock.Start();
        _service.Start();
    }

    [Fact]
    public async Task A_drain_refuses_new_calls_with_503_and_retry_after_and_ends_when_the_live_calls_end_by_themselves()
    {
        var tags = await AnsweredAsync("a", "b");

        var drain = _service.DrainAsync(TimeSpan.FromMinutes(5), CancellationToken.None);
        _sip.Inject(SipHarness.Invite("c", branch: "z9hG4bKc"));
        var refused = await _sip.ResponseAsync(503, SipMethods.Invite);
        Assert.Equal("5", refused.Headers.Get(SipHeaderId.RetryAfter));
        Assert.True(_service.IsDraining);
        Assert.False(drain.IsCompleted);

        _sip.Inject(SipHarness.InDialog("BYE", tags[0], 2, "z9hG4bKbyea", "a"));
        _sip.Inject(SipHarness.InDialog("BYE", tags[1], 2, "z9hG4bKbyeb", "b"));

        Assert.Equal(new CallDrainResult(2, 0), await drain.WaitAsync(Wait));
        Assert.Equal(2, _records.Reader.Count);
        Assert.Equal(0, _ports.InUse);
    }

    [Fact]
    public async Task The_calls_left_when_the_drain_time_is_up_are_cut_with_bye()
    {
        var tags = await AnsweredAsync("a", "b");
        var drain = _service.DrainAsync(TimeSpan.FromSeconds(1), CancellationToken.None);
        _sip.Inject(SipHarness.InDialog("BYE", tags[0], 2, "z9hG4bKbyea", "a"));
        Assert.Equal("caller-hangup", (await _records.Reader.ReadAsync().AsTask().WaitAsync(Wait)).EndReason);

        var result = await drain.WaitAsync(Wait);

        Assert.Equal(new CallDrainResult(1, 1), result);
        var cut = await _records.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal(("b", "shutdown", "system"), (cut.CallId, cut.EndReason, cut.EndedBy));
        Assert.Equal("b", (await _sip.RequestAsync(SipMethods.Bye)).CallId);
    }

    [Fact]
    public async Task Cutting_the_drain_ends_every_call_at_once()
    {
        await AnsweredAsync("a", "b");
        using var cut = new CancellationTokenSource();

        var drain = _service.DrainAsync(TimeSpan.FromHours(1), cut.Token);
        await cut.CancelAsync();

        Assert.Equal(new CallDrainResult(0, 2), await drain.WaitAsync(Wait));
        Assert.Equal(2, _records.Reader.Count);
    }

    [Fact]
    public async Task The_record_and_the_ports_do_not_wait_for_the_answer_to_our_bye()
    {
        _run = (_, _) => Task.CompletedTask;

        _sip.Inject(SipHarness.Invite("x", branch: "z9hG4bKx"));
        var ok = await _sip.ResponseAsync(200, SipMethods.Invite);
        _sip.Inject(SipHarness.InDialog("ACK", ok.To!.Tag!, 1, "z9hG4bKackx", "x"));

        // The caller never answers the BYE (a vanished UDP peer: 32 s of retransmissions).
        await _sip.RequestAsync(SipMethods.Bye);
        var record = await _records.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal("server-hangup", record.EndReason);
        Assert.Equal(0, _ports.InUse);
    }

    [Fact]
    public async Task A_ringing_call_holds_no_rtp_port_until_it_is_answered()
    {
        var ringing = new SipHarness();
        await using var agent = ringing.Agent;
        await using var service = Create(ringing, new TelephonyOptions { MediaAddress = IPAddress.Loopback, AnswerDelay = TimeSpan.FromMilliseconds(500) });
        service.Start();

        ringing.Inject(SipHarness.Invite("r", branch: "z9hG4bKr"));
        await ringing.ResponseAsync(180, SipMethods.Invite);
        Assert.Equal(0, _ports.InUse);

        await ringing.ResponseAsync(200, SipMethods.Invite);
        Assert.Equal(1, _ports.InUse);
    }

    [Fact]
    public async Task An_answered_call_never_acknowledged_gives_its_ports_back_at_timer_h()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var sip = new SipHarness(time);
        await using var agent = sip.Agent;
        await using var service = new CallService(sip.Agent, new TelephonyOptions { MediaAddress = IPAddress.Loopback }, _clock, _ports, new EncodedClipCache(),
            new Application(this), new Records(_records), time, NullLoggerFactory.Instance);
        service.Start();

        sip.Inject(SipHarness.Invite("noack", branch: "z9hG4bKnoack"));
        await sip.ResponseAsync(200, SipMethods.Invite);
        Assert.Equal(1, _ports.InUse);
        time.Advance(TimeSpan.FromSeconds(33));

        var record = await _records.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal("ack-timeout", record.EndReason);
        Assert.Equal(0, _ports.InUse);
        await WaitUntil(() => service.ActiveCalls == 0);
    }

    [Fact]
    public async Task An_answered_call_never_acknowledged_gives_its_ports_back_when_its_source_is_banned()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var sip = new SipHarness(time, new Sip.Admission.SipAdmissionOptions { MaxRequestsPerSourcePerSecond = 1 });
        await using var agent = sip.Agent;
        await using var service = new CallService(sip.Agent, new TelephonyOptions { MediaAddress = IPAddress.Loopback }, _clock, _ports, new EncodedClipCache(),
            new Application(this), new Records(_records), time, NullLoggerFactory.Instance);
        service.Start();

        sip.Inject(SipHarness.Invite("noack", branch: "z9hG4bKnoack"));
        await sip.ResponseAsync(200, SipMethods.Invite);
        Assert.Equal(1, _ports.InUse);
        sip.Inject(SipHarness.Invite("flood", branch: "z9hG4bKflood"));

        // No time passes: the ban, not timer H, ends the call.
        var record = await _records.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal("noack", record.CallId);
        Assert.Equal("no-ack-source-banned", record.EndReason);
        Assert.Equal("system", record.EndedBy);
        Assert.Equal(0, _ports.InUse);
        Assert.Equal(0, sip.Agent.ActiveCalls);
        await WaitUntil(() => service.ActiveCalls == 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _service.DisposeAsync();
        await _sip.Agent.DisposeAsync();
        _clock.Dispose();
    }

    private CallService Create(SipHarness sip, TelephonyOptions options) =>
        new(sip.Agent, options, _clock, _ports, new EncodedClipCache(), new Application(this), new Records(_records), TimeProvider.System, NullLoggerFactory.Instance);

    /// <summary>Answered, acknowledged calls with the application running; their To tags in order.</summary>
    private async Task<List<string>> AnsweredAsync(params string[] callIds)
    {
        var tags = new List<string>();
        foreach (var id in callIds)
        {
            _sip.Inject(SipHarness.Invite(id, branch: "z9hG4bK" + id));
            await WaitUntil(() => _sip.Responses(200).Any(r => r.CallId == id));
            var tag = _sip.Responses(200).First(r => r.CallId == id).To!.Tag!;
            _sip.Inject(SipHarness.InDialog("ACK", tag, 1, "z9hG4bKack" + id, id));
            await _started.Reader.ReadAsync().AsTask().WaitAsync(Wait);
            tags.Add(tag);
        }

        _sip.MessageSent += m =>
        {
            if (m is SipRequest { Method: SipMethods.Bye } bye)
            {
                _sip.Reply(bye, 200);
            }
        };
        return tags;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition());
    }

    private sealed class Application(CallServiceDrainTests test) : ICallApplication
    {
        public async Task RunAsync(ICall call, CallRecord record, CancellationToken ct)
        {
            test._started.Writer.TryWrite(call);
            await test._run(call, ct);
        }
    }

    private sealed class Records(Channel<CallRecord> saved) : ICallRecordStore
    {
        public Task OpenAsync(CallRecord record, CancellationToken ct) => Task.CompletedTask;

        public Task SaveAsync(CallRecord record, CancellationToken ct)
        {
            saved.Writer.TryWrite(record);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<CallRecord>> GetLastAsync(int count, CancellationToken ct) => Task.FromResult<IReadOnlyList<CallRecord>>([]);
    }
}
