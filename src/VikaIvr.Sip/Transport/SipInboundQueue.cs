using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Transport;

/// <summary>
/// Decouples the receive loops from the core: loops only parse and enqueue; one dispatcher
/// calls the handler. A full queue drops the newest message (UDP peers retransmit).
/// </summary>
internal sealed partial class SipInboundQueue
{
    private readonly Channel<Item> _channel;
    private readonly ILogger _logger;
    private long _dropped;

    public SipInboundQueue(int capacity, ILogger logger)
    {
        _channel = Channel.CreateBounded<Item>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _logger = logger;
    }

    public void Enqueue(SipMessage? message, SipParseError? error, SipEndPoint source, IPEndPoint local)
    {
        if (!_channel.Writer.TryWrite(new Item(message, error, source, local)))
        {
            var dropped = Interlocked.Increment(ref _dropped);
            if ((dropped & (dropped - 1)) == 0)
            {
                LogQueueFull(dropped);
            }
        }
    }

    public void Complete() => _channel.Writer.TryComplete();

    public async Task DispatchAsync(ISipInboundHandler handler)
    {
        await foreach (var item in _channel.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                if (item.Message is not null)
                {
                    handler.OnMessage(item.Message, item.Source, item.Local);
                }
                else
                {
                    handler.OnMalformed(item.Error!, item.Source, item.Local);
                }
            }
            catch (Exception ex)
            {
                LogHandlerFailed(ex, item.Source);
            }
        }
    }

    private readonly record struct Item(SipMessage? Message, SipParseError? Error, SipEndPoint Source, IPEndPoint Local);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sip receive queue full: {Dropped} messages dropped so far")]
    private partial void LogQueueFull(long dropped);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sip handler failed on a message from {Source}")]
    private partial void LogHandlerFailed(Exception exception, SipEndPoint source);
}
