using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using VikaIvr.Media.Clock;
using VikaIvr.Media.Session;
using VikaIvr.Media.Srtp;
using VikaIvr.Sip.Message;
using VikaIvr.Telephony.Calls;
using VikaIvr.Telephony.Media;

namespace VikaIvr.Telephony.Tests.Calls;

/// <summary>Media:Srtp at the call service: SAVP offers answered with our key, plain offers refused with 488 and a security event when SRTP is required.</summary>
public sealed class CallServiceSrtpTests : IAsyncDisposable
{
    private const string SavpOffer = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        + "m=audio 4000 RTP/SAVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n"
        + "a=crypto:7 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz\r\n";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly SipHarness _sip = new();
    private readonly MediaClock _clock = new(new MediaClockOptions { MaxPacerThreads = 1 }, new ManualTickSource(), Microsoft.Extensions.Logging.Abstractions.NullLogger<MediaClock>.Instance);
    private readonly CallServiceTests.Records _records = new();
    private readonly CallServiceTests.TestApplication _app = new();
    private readonly Lines _lines = new();
    private CallService? _service;

    private void Start(SrtpMode mode)
    {
        int first = 46000 + (Environment.ProcessId % 50) * 20;
        var ports = new RtpPortAllocator(new RtpPortAllocatorOptions { MinPort = first, MaxPort = first + 19 });
        _service = new CallService(_sip.Agent, new TelephonyOptions { MediaAddress = IPAddress.Loopback, Srtp = mode }, _clock, ports, new EncodedClipCache(),
            _app, _records, TimeProvider.System, _lines);
        _clock.Start();
        _service.Start();
    }

    [Fact]
    public async Task Required_refuses_a_plain_offer_with_488_and_a_security_event()
    {
        Start(SrtpMode.Required);

        _sip.Inject(SipHarness.Invite());

        var refused = await _sip.ResponseAsync(488, SipMethods.Invite);
        Assert.Equal(488, refused.StatusCode);
        var line = Assert.Single(_lines.Texts, l => l.Contains("SECURITY", StringComparison.Ordinal));
        Assert.Equal("SECURITY event=invite-refused src=127.0.0.1 port=5062 detail=\"reason=srtp-required\"", line);
    }

    [Fact]
    public async Task Optional_answers_a_savp_offer_with_savp_and_a_key_of_our_own()
    {
        Start(SrtpMode.Optional);

        _sip.Inject(SipHarness.Invite(sdp: SavpOffer));

        var ok = await _sip.ResponseAsync(200, SipMethods.Invite);
        string answer = Encoding.ASCII.GetString(ok.Body.Span);
        Assert.Contains("m=audio ", answer, StringComparison.Ordinal);
        Assert.Contains(" RTP/SAVP 0 101\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("a=crypto:7 AES_CM_128_HMAC_SHA1_80 inline:", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz", answer, StringComparison.Ordinal);
        _sip.Inject(SipHarness.InDialog("ACK", ok.To!.Tag!, 1, "z9hG4bKack"));
        var call = await _app.Started.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        _sip.Inject(SipHarness.InDialog("BYE", ok.To!.Tag!, 2, "z9hG4bKbye"));
        var record = await _records.Saved.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Contains("srtp AES_CM_128_HMAC_SHA1_80", record.Events);
        Assert.DoesNotContain(_lines.Texts, l => l.Contains("inline:", StringComparison.Ordinal) && !l.Contains("[redacted]", StringComparison.Ordinal));
        Assert.NotNull(call);
    }

    [Fact]
    public async Task Off_refuses_a_savp_offer_as_no_acceptable_media_without_a_security_event()
    {
        Start(SrtpMode.Off);

        _sip.Inject(SipHarness.Invite(sdp: SavpOffer));

        await _sip.ResponseAsync(488, SipMethods.Invite);
        Assert.DoesNotContain(_lines.Texts, l => l.Contains("SECURITY", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        _clock.Dispose();
    }

    private sealed class Lines : ILoggerFactory
    {
        private readonly ConcurrentQueue<string> _texts = new();

        public IReadOnlyList<string> Texts => [.. _texts];

        public ILogger CreateLogger(string categoryName) => new Logger(_texts);

        public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> texts) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => texts.Enqueue(formatter(state, exception));
        }
    }
}
