using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VikaIvr.Sip.Admission;
using VikaIvr.Sip.Tests.Admission;

namespace VikaIvr.Sip.Tests.Edge;

/// <summary>The guard abuse paths test before they build an event's detail.</summary>
public sealed class SipSecurityLogTests
{
    [Fact]
    public void Events_are_enabled_exactly_when_the_warning_level_is()
    {
        var written = new ListLogger<SipSecurityLogTests>();
        Assert.True(new SipSecurityLog(written).IsEnabled);
        Assert.False(new SipSecurityLog(NullLogger.Instance).IsEnabled);

        using var errorsOnly = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Error));
        Assert.False(new SipSecurityLog(errorsOnly.CreateLogger("edge")).IsEnabled);
    }

    [Fact]
    public void An_event_is_written_once_with_the_transport_source()
    {
        var written = new ListLogger<SipSecurityLogTests>();
        new SipSecurityLog(written).Event(SipSecurityLog.SourceBanned, new IPEndPoint(IPAddress.Parse("::ffff:198.51.100.7"), 5070), "method=OPTIONS ban=10s");
        Assert.Equal("SECURITY event=source-banned src=198.51.100.7 port=5070 detail=\"method=OPTIONS ban=10s\"", Assert.Single(written.Lines));
    }
}
