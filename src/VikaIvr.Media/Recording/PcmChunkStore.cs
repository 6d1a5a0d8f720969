using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace VikaIvr.Media.Recording;

/// <summary>
/// 16-bit little-endian PCM kept in pooled 64 KiB chunks (4 s each at 8 kHz) up to a sample
/// limit: writing costs a copy, and a chunk is rented only every few seconds, never per packet.
/// </summary>
internal sealed class PcmChunkStore : IPcmSink, IDisposable
{
    private const int ChunkBytes = 64 * 1024;

    private readonly List<byte[]> _chunks;
    private readonly long _maxSamples;
    private int _used = ChunkBytes;
    private long _samples;

    public PcmChunkStore(long maxSamples)
    {
        _maxSamples = maxSamples;
        _chunks = new List<byte[]>((int)Math.Min(1024, (maxSamples * 2 / ChunkBytes) + 1));
    }

    public long Samples => Volatile.Read(ref _samples);

    /// <summary>True once audio beyond the limit was offered (and cut).</summary>
    public bool IsFull { get; private set; }

    public void Write(ReadOnlySpan<short> samples)
    {
        long room = _maxSamples - _samples;
        if (samples.Length > room)
        {
            IsFull = true;
            samples = samples[..(int)room];
        }

        while (!samples.IsEmpty)
        {
            if (_used == ChunkBytes)
            {
                _chunks.Add(ArrayPool<byte>.Shared.Rent(ChunkBytes));
                _used = 0;
            }

            int n = Math.Min(samples.Length, (ChunkBytes - _used) / 2);
            var destination = _chunks[^1].AsSpan(_used, n * 2);
            if (BitConverter.IsLittleEndian)
            {
                MemoryMarshal.AsBytes(samples[..n]).CopyTo(destination);
            }
            else
            {
                for (int i = 0; i < n; i++)
                {
                    BinaryPrimitives.WriteInt16LittleEndian(destination[(i * 2)..], samples[i]);
                }
            }

            _used += n * 2;
            Volatile.Write(ref _samples, _samples + n);
            samples = samples[n..];
        }
    }

    public async Task CopyToAsync(Stream stream, CancellationToken cancellationToken)
    {
        for (int i = 0; i < _chunks.Count; i++)
        {
            int length = i == _chunks.Count - 1 ? _used : ChunkBytes;
            await stream.WriteAsync(_chunks[i].AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        foreach (var chunk in _chunks)
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        _chunks.Clear();
        _used = ChunkBytes;
    }
}
