using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Flows.Ports;
using VikaIvr.Media.Clock;
using VikaIvr.Media.Session;
using VikaIvr.Sip.Core;
using VikaIvr.Sip.Message;
using VikaIvr.Telephony.Calls;
using VikaIvr.Telephony.Media;

namespace VikaIvr.Telephony.Tests.Calls;

/// <summary>The call service answering sessions of a socketless SIP agent, with real loopback media and a test application.</summary>
public sealed partial class CallServiceTests : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly SipHarness _sip = new();
    private readonly MediaClock _clock = new(new MediaClockOptions { MaxPacerThreads = 1 }, new ManualTickSource(), Microsoft.Extensions.Logging.Abstractions.NullLogger<MediaClock>.Instance);
    private readonly Records _records = new();
    private readonly TestApplication _app = new();
    private readonly CallService _service;

    public CallServiceTests()
    {
        int first = 45000 + (Environment.ProcessId % 50) * 20;
        var ports = new RtpPortAllocator(new RtpPortAllocatorOptions { MinPort = first, MaxPort = first + 19 });
        _service = CreateService(ports, new TelephonyOptions { MediaAddress = IPAddress.Loopback });
        _clock.Start();
        _service.Start();
    }

    private CallService CreateService(RtpPortAllocator ports, TelephonyOptions options) =>
        new(_sip.Agent, options, _clock, ports, new EncodedClipCache(), _app, _records, TimeProvider.System, NullLoggerFactory.Instance);

    [Fact]
    public async Task The_caller_hanging_up_ends_the_application_and_leaves_a_caller_hangup_record()
    {
        _sip.Inject(SipHarness.Invite());
        var ok = await _sip.ResponseAsync(200, SipMethods.Invite);
        Assert.Contains("m=audio", System.Text.Encoding.ASCII.GetString(ok.Body.Span), StringComparison.Ordinal);
        _sip.Inject(SipHarness.InDialog("ACK", ok.To!.Tag!, 1, "z9hG4bKack"));
        var call = await _app.Started.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal("0812", call.Caller);
        Assert.Equal("165", call.Called);
        Assert.Equal(1, _service.ActiveCalls);
        // Crash safety: the answered call's record was opened before its end.
        Assert.Equal("call-1", await _records.Opened.Reader.ReadAsync().AsTask().WaitAsync(Wait));
        Assert.False(_records.Saved.Reader.TryPeek(out _));

        _sip.Inject(SipHarness.InDialog("BYE", ok.To!.Tag!, 2, "z9hG4bKbye"));

        var record = await _records.Saved.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal("call-1", record.CallId);
        Assert.Equal("caller-hangup", record.EndReason);
        Assert.Equal("caller", record.EndedBy);
        Assert.Equal("PCMU", record.Codec);
        Assert.NotNull(record.AnsweredAt);
        Assert.NotNull(record.EndedAt);
        await SipHarnessWait(() => _service.ActiveCalls == 0);
    }

    [Fact]
    public async Task An_info_key_reaches_the_application_and_its_return_ends_the_call_with_bye()
    {
        _app.Run = async (call, _) =>
        {
            var digits = await call.CollectDigitsAsync(new DigitOptions { FirstDigitTimeout = TimeSpan.FromSeconds(30) }, CancellationToken.None);
            _app.Collected.TrySetResult(digits.Digits);
        };
        _sip.Inject(SipHarness.Invite());
        var ok = await _sip.ResponseAsync(200, SipMethods.Invite);
        var tag = ok.To!.Tag!;
        _sip.Inject(SipHarness.InDialog("ACK", tag, 1, "z9hG4bKack"));
        await _app.Started.Reader.ReadAsync().AsTask().WaitAsync(Wait);

        _sip.Inject(SipHarness.InDialog("INFO", tag, 2, "z9hG4bKinfo", body: "Signal=5\r\nDuration=160\r\n", contentType: "application/dtmf-relay"));

        Assert.Equal("5", await _app.Collected.Task.WaitAsync(Wait));
        var bye = await _sip.RequestAsync(SipMethods.Bye);
        _sip.Reply(bye, 200);
        var record = await _records.Saved.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal("server-hangup", record.EndReason);
        Assert.Equal("server", record.EndedBy);
        Assert.Equal(["info"], record.DtmfMethods);
    }

    [Fact]
    public async Task A_cancel_while_ringing_leaves_a_cancelled_record_and_never_starts_the_application()
    {
        var ringing = new SipHarness();
        await using var ringingAgent = ringing.Agent;
        int first = 46000 + (Environment.ProcessId % 50) * 20;
        var ports = new RtpPortAllocator(new RtpPortAllocatorOptions { MinPort = first, MaxPort = first + 19 });
        await using var service = new CallService(ringing.Agent, new TelephonyOptions { MediaAddress = IPAddress.Loopback, AnswerDelay = TimeSpan.FromMinutes(5) },
            _clock, ports, new EncodedClipCache(), _app, _records, TimeProvider.System, NullLoggerFactory.Instance);
        service.Start();

        ringing.Inject(SipHarness.Invite());
        await ringing.ResponseAsync(180, SipMethods.Invite);
        ringing.Inject(SipHarness.Cancel());

        await ringing.ResponseAsync(487, SipMethods.Invite);
        var record = await _records.Saved.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal("cancelled", record.EndReason);
        Assert.Equal("caller", record.EndedBy);
        Assert.Null(record.AnsweredAt);
        Assert.False(_app.Started.Reader.TryRead(out _));
    }

    [Fact]
    public async Task A_late_offer_call_takes_the_answer_from_the_ack_and_runs()
    {
        _sip.Inject(SipHarness.Invite(withSdp: false));
        var ok = await _sip.ResponseAsync(200, SipMethods.Invite);
        Assert.Contains("m=audio", System.Text.Encoding.ASCII.GetString(ok.Body.Span), StringComparison.Ordinal);
        _sip.Inject(SipHarness.InDialog("ACK", ok.To!.Tag!, 1, "z9hG4bKack", body: SipHarness.Sdp, contentType: "application/sdp"));

        var call = (TelephonyCall)await _app.Started.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.NotNull(call.Media.Media);
        await _sip.ByeFromCallerAsync(call.Session);
        Assert.Equal("caller-hangup", (await _records.Saved.Reader.ReadAsync().AsTask().WaitAsync(Wait)).EndReason);
    }

    [Fact]
    public async Task Hangup_all_ends_every_call_with_bye_waits_for_the_records_and_refuses_new_calls()
    {
        _app.Run = (call, ct) => Task.Delay(Timeout.Infinite, ct);
        _sip.Inject(SipHarness.Invite("a", branch: "z9hG4bKa"));
        _sip.Inject(SipHarness.Invite("b", branch: "z9hG4bKb"));
        await SipHarnessWait(() => _sip.Responses(200).Count == 2);
        foreach (var ok in _sip.Responses(200))
        {
            _sip.Inject(SipHarness.InDialog("ACK", ok.To!.Tag!, 1, "z9hG4bKack" + ok.CallId, ok.CallId!));
        }

        await _app.Started.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        await _app.Started.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        _sip.MessageSent += m =>
        {
            if (m is SipRequest { Method: SipMethods.Bye } bye)
            {
                _sip.Reply(bye, 200);
            }
        };

        await _service.HangupAllAsync().WaitAsync(Wait);

        Assert.Equal(2, _records.Saved.Reader.Count);
        while (_records.Saved.Reader.TryRead(out var record))
        {
            Assert.Equal("shutdown", record.EndReason);
            Assert.Equal("system", record.EndedBy);
        }

        Assert.Equal(0, _service.ActiveCalls);
        _sip.Inject(SipHarness.Invite("c", branch: "z9hG4bKc"));
        await _sip.ResponseAsync(503, SipMethods.Invite);
    }

    public async ValueTask DisposeAsync()
    {
        await _service.DisposeAsync();
        await _sip.Agent.DisposeAsync();
        _clock.Dispose();
    }

    private static async Task SipHarnessWait(Func<bool> condition)
    {
        for (var i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition());
    }

    internal sealed class TestApplication : ICallApplication
    {
        public Channel<ICall> Started { get; } = Channel.CreateUnbounded<ICall>();

        public TaskCompletionSource<string> Collected { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>By default the application waits until the call ends.</summary>
        public Func<ICall, CancellationToken, Task> Run { get; set; } = (call, _) => Task.Delay(Timeout.Infinite, call.Ended);

        public async Task RunAsync(ICall call, CallRecord record, CancellationToken ct)
        {
            Started.Writer.TryWrite(call);
            await Run(call, ct);
        }
    }

    internal sealed class Records : ICallRecordStore
    {
        public Channel<CallRecord> Saved { get; } = Channel.CreateUnbounded<CallRecord>();

        public Channel<string> Opened { get; } = Channel.CreateUnbounded<string>();

        public Task OpenAsync(CallRecord record, CancellationToken ct)
        {
            Opened.Writer.TryWrite(record.CallId);
            return Task.CompletedTask;
        }

        public Task SaveAsync(CallRecord record, CancellationToken ct)
        {
            Saved.Writer.TryWrite(record);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<CallRecord>> GetLastAsync(int count, CancellationToken ct) => throw new NotSupportedException();
    }
}
