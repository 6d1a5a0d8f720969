using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VikaIvr.Media.Receive;

namespace VikaIvr.Server.Hosting.Serve;

/// <summary>The shared threads receiving every call's RTP/RTCP (epoll); where unsupported each call receives on its own.</summary>
public sealed class MediaReceiverService : IHostedService, IDisposable
{
    public MediaReceiverService(IOptions<MediaSettings> media, ILogger<MediaReceiver> log)
    {
        ArgumentNullException.ThrowIfNull(media);
        Receiver = MediaReceiver.IsSupported
            ? new MediaReceiver(Options(media.Value), log)
            : null;
    }

    public MediaReceiver? Receiver { get; }

    /// <summary>
    /// A batching receiver reads packets up to its interval after they arrived, so it takes the
    /// kernel's receive time with each (the calls' jitter figures stay true).
    /// </summary>
    public static MediaReceiverOptions Options(MediaSettings media)
    {
        ArgumentNullException.ThrowIfNull(media);
        return new MediaReceiverOptions
        {
            Threads = Math.Max(1, media.ReceiveThreads),
            BatchInterval = TimeSpan.FromMilliseconds(media.ReceiveBatchMs),
            KernelTimestamps = media.ReceiveBatchMs > 0,
        };
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Receiver?.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Receiver?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => Receiver?.Dispose();
}
