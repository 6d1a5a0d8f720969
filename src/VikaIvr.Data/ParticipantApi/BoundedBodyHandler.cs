using System.Buffers;

namespace VikaIvr.Data.ParticipantApi;

/// <summary>
/// Reads the whole answer body inside the resilience pipeline, so a body that trickles in counts
/// against the attempt's timeout as a slow header does, and refuses one larger than the cap (by
/// its Content-Length at once, else while reading) with
/// <see cref="ParticipantApiBodyTooLargeException"/> — not a transient failure, so not retried:
/// a service that answers megabytes will answer them again.
/// </summary>
public sealed class BoundedBodyHandler(int maxBytes) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            var source = response.Content;
            if (source.Headers.ContentLength > maxBytes) throw new ParticipantApiBodyTooLargeException(maxBytes);
            var body = await ReadCappedAsync(source, cancellationToken).ConfigureAwait(false);
            var buffered = new ByteArrayContent(body);
            foreach (var header in source.Headers)
            {
                if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = buffered;
            source.Dispose();
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async Task<byte[]> ReadCappedAsync(HttpContent content, CancellationToken ct)
    {
        var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var body = new MemoryStream();
            byte[] chunk = ArrayPool<byte>.Shared.Rent(8192);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
                {
                    if (body.Length + read > maxBytes) throw new ParticipantApiBodyTooLargeException(maxBytes);
                    body.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            return body.ToArray();
        }
    }
}
