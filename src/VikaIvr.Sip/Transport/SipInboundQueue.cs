using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Transport;

/// <summary>
/// Decouples the receive loops from the core: loops only parse and enqueue; one dispatcher thread
/// of its own calls the handler. A full queue drops the newest message (UDP peers retransmit).
/// The dispatcher is a thread, not a thread-pool loop, so a new call's INVITE is handled (and
/// answered) at once however much work the calls in progress have queued on the pool.
/// </summary>
internal sealed partial class SipInboundQueue : IDisposable
{
    private readonly BlockingCollection<Item> _items;
    private readonly ILogger _logger;
    private long _dropped;

    public SipInboundQueue(int capacity, ILogger logger)
    {
        _items = new BlockingCollection<Item>(new ConcurrentQueue<Item>(), capacity);
        _logger = logger;
    }

    public void Enqueue(SipMessage? message, SipParseError? error, SipEndPoint source, IPEndPoint local)
    {
        bool added;
        try
        {
            added = _items.TryAdd(new Item(message, error, source, local));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            return; // stopping: the dispatcher is gone
        }

        if (!added)
        {
            var dropped = Interlocked.Increment(ref _dropped);
            if ((dropped & (dropped - 1)) == 0)
            {
                LogQueueFull(dropped);
            }
        }
    }

    public void Complete() => _items.CompleteAdding();

    /// <summary>Starts the dispatcher thread; the task ends when <see cref="Complete"/> was called and the queue is empty.</summary>
    public Task StartDispatcher(ISipInboundHandler handler)
    {
        return SipThread.Start("sip-dispatch", () => Dispatch(handler));
    }

    public void Dispose() => _items.Dispose();

    private void Dispatch(ISipInboundHandler handler)
    {
        foreach (var item in _items.GetConsumingEnumerable())
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
