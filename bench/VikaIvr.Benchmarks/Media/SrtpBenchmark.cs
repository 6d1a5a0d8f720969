using BenchmarkDotNet.Attributes;
using VikaIvr.Media.Srtp;

namespace VikaIvr.Benchmarks.Media;

/// <summary>
/// SRTP on one 20 ms G.711 packet (12 + 160 bytes, AES_CM_128_HMAC_SHA1_80): protect alone (the send
/// path) and protect + unprotect (a packet each way). Against the kernel's share of a loopback send
/// (INTEROP-NOTES: ~3 µs per 172-byte datagram) this is the whole cost of encrypting a call.
/// Run: dotnet run -c Release --project bench/VikaIvr.Benchmarks -- --filter '*Srtp*'
/// </summary>
[MemoryDiagnoser]
public class SrtpBenchmark : IDisposable
{
    private const int Length = 172;

    private readonly byte[] _packet = new byte[1500];
    private SrtpSession _sender = null!;
    private SrtpSession _receiver = null!;
    private ushort _sequence;

    [GlobalSetup]
    public void Setup()
    {
        var a = SrtpMasterKey.Generate();
        var b = SrtpMasterKey.Generate();
        _sender = new SrtpSession(new SrtpPolicy(SrtpCryptoSuite.AesCm128HmacSha1_80, a, b));
        _receiver = new SrtpSession(new SrtpPolicy(SrtpCryptoSuite.AesCm128HmacSha1_80, b, a));
        _packet[0] = 0x80;
        _packet[11] = 42;
    }

    [Benchmark]
    public int Protect()
    {
        Next();
        return _sender.ProtectRtp(_packet, Length);
    }

    [Benchmark]
    public SrtpUnprotectResult ProtectAndUnprotect()
    {
        Next();
        int n = _sender.ProtectRtp(_packet, Length);
        return _receiver.UnprotectRtp(_packet.AsSpan(0, n), out _);
    }

    public void Dispose()
    {
        _sender?.Dispose();
        _receiver?.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Next()
    {
        _sequence++;
        _packet[2] = (byte)(_sequence >> 8);
        _packet[3] = (byte)_sequence;
    }
}
