using System.Buffers.Binary;

namespace VikaIvr.Media.Tests.Audio;

/// <summary>Builds WAV files byte by byte, so tests can make odd and broken ones.</summary>
internal sealed class WavBytes
{
    private readonly MemoryStream _body = new();

    public static byte[] Fmt(ushort tag, ushort channels, int rate, ushort bits, ushort? blockAlign = null)
    {
        var fmt = new byte[16];
        var align = blockAlign ?? (ushort)(channels * bits / 8);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), channels);
        BinaryPrimitives.WriteInt32LittleEndian(fmt.AsSpan(4), rate);
        BinaryPrimitives.WriteInt32LittleEndian(fmt.AsSpan(8), rate * align);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), align);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), bits);
        return fmt;
    }

    public static byte[] ExtensibleFmt(ushort subFormat, ushort channels, int rate, ushort bits)
    {
        var fmt = new byte[40];
        Fmt(0xFFFE, channels, rate, bits).CopyTo(fmt, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(16), 22);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(18), bits);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(20), channels == 2 ? 3u : 4u);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(24), subFormat);
        byte[] tail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
        tail.CopyTo(fmt, 26);
        return fmt;
    }

    public WavBytes Chunk(string id, byte[] body, int? declaredSize = null)
    {
        _body.Write(System.Text.Encoding.ASCII.GetBytes(id));
        var size = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(size, declaredSize ?? body.Length);
        _body.Write(size);
        _body.Write(body);
        if (declaredSize is null && body.Length % 2 == 1)
        {
            _body.WriteByte(0);
        }

        return this;
    }

    public byte[] Build()
    {
        var body = _body.ToArray();
        var file = new byte[12 + body.Length];
        "RIFF"u8.CopyTo(file);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(4), body.Length + 4);
        "WAVE"u8.CopyTo(file.AsSpan(8));
        body.CopyTo(file, 12);
        return file;
    }
}
