using System.Globalization;
using System.Text;

namespace VikaIvr.Data;

/// <summary>
/// The one text form of a stored time: round-trip ("O") in UTC (+00:00). One offset makes text
/// order time order, so a period is one range over an indexed column. Written as a string for a
/// driver's parameter, or straight into UTF-8 bytes (the same text) where a statement binds them.
/// </summary>
internal static class StoredTime
{
    /// <summary>Enough for "yyyy-MM-ddTHH:mm:ss.fffffff+00:00" (33 bytes).</summary>
    public const int MaxUtf8Length = 40;

    /// <summary>The text of <see cref="WriteUtf8"/> as a string (for a driver's parameter, a query's bound).</summary>
    public static string Text(DateTimeOffset t)
    {
        Span<byte> utf8 = stackalloc byte[MaxUtf8Length];
        return Encoding.ASCII.GetString(utf8[..WriteUtf8(t, utf8)]);
    }

    /// <summary>The one formatter of a stored time: its bytes (ASCII, so UTF-8), without a string.</summary>
    public static int WriteUtf8(DateTimeOffset t, Span<byte> destination) =>
        t.ToUniversalTime().TryFormat(destination, out int written, "O", CultureInfo.InvariantCulture)
            ? written
            : throw new ArgumentException("too small for a stored time", nameof(destination));
}
