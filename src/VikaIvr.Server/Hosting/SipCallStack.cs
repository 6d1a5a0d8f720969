using Microsoft.Extensions.Logging;
using VikaIvr.Flows.Ports;
using VikaIvr.Media.Clock;
using VikaIvr.Media.Receive;
using VikaIvr.Media.Session;
using VikaIvr.Sip.Core;
using VikaIvr.Sip.Transactions;
using VikaIvr.Sip.Transport;
using VikaIvr.Telephony.Calls;
using VikaIvr.Telephony.Media;

namespace VikaIvr.Server.Hosting;

/// <summary>
/// The SIP user agent core and the call service that answers its sessions, built together from
/// their dependencies: the one place `serve` wires calls. <see cref="StopAsync"/> is the graceful
/// stop (every call ends with BYE and leaves its record); disposing stops and then closes the core.
/// </summary>
public sealed class SipCallStack : IAsyncDisposable
{
    public SipCallStack(ISipTransport transport, SipUserAgentOptions sipOptions, TelephonyOptions telephony, MediaClock clock,
        RtpPortAllocator ports, EncodedClipCache clips, ICallApplication application, ICallRecordStore records,
        MediaReceiver? receiver, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        Agent = new SipUserAgent(transport, sipOptions, new SipTimerOptions(), time, loggers.CreateLogger<SipUserAgent>());
        Calls = new CallService(Agent, telephony, clock, ports, clips, application, records, time, loggers) { Receiver = receiver };
    }

    public SipUserAgent Agent { get; }

    public CallService Calls { get; }

    /// <summary>Starts receiving SIP and answering calls (throws SocketException when the transport cannot listen).</summary>
    public void Start()
    {
        Calls.Start();
        Agent.Start();
    }

    /// <summary>Refuses new calls, ends every call with BYE and waits until each call record is written.</summary>
    public Task StopAsync(CancellationToken ct = default) => Calls.HangupAllAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await Calls.DisposeAsync().ConfigureAwait(false);
        await Agent.DisposeAsync().ConfigureAwait(false);
    }
}
