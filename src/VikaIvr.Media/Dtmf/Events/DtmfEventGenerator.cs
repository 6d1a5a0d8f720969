namespace VikaIvr.Media.Dtmf.Events;

/// <summary>
/// Produces the packets of one outgoing RFC 4733 event (section 2.5.1): all share the event's
/// RTP timestamp, the duration grows by one packet interval each time, the first carries the
/// marker, and the final duration is sent in three end packets. Reusable via <see cref="Start"/>.
/// </summary>
public sealed class DtmfEventGenerator
{
    public const int EndRepeats = 3;

    private byte _event;
    private byte _volume;
    private int _total;
    private int _step;
    private int _sent;
    private int _endsSent;

    public bool IsActive { get; private set; }

    public char Digit => TelephoneEvent.ToDigit(_event);

    /// <param name="digit">'0'–'9', '*', '#', 'A'–'D'.</param>
    /// <param name="durationSamples">Key-down time in timestamp units (8 per ms at 8 kHz); at most 65535.</param>
    /// <param name="packetSamples">Timestamp units between packets (the ptime).</param>
    /// <param name="volume">Power level in -dBm0, 0–63 (RFC 4733 2.3.4).</param>
    public void Start(char digit, int durationSamples, int packetSamples, byte volume = 10)
    {
        if (!TelephoneEvent.TryFromDigit(digit, out _event))
        {
            throw new ArgumentException($"'{digit}' is not a DTMF digit.", nameof(digit));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(durationSamples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(packetSamples);
        _total = Math.Min(durationSamples, ushort.MaxValue);
        _step = packetSamples;
        _volume = (byte)Math.Min(volume, (byte)63);
        _sent = 0;
        _endsSent = 0;
        IsActive = true;
    }

    /// <summary>Next packet of the event; false (and inactive) once the last end packet was produced.</summary>
    public bool TryNext(out TelephoneEvent packet, out bool marker)
    {
        if (!IsActive)
        {
            packet = default;
            marker = false;
            return false;
        }

        marker = _sent == 0 && _endsSent == 0;
        if (_sent < _total)
        {
            _sent = Math.Min(_total, _sent + _step);
        }

        bool end = _sent >= _total;
        if (end)
        {
            _endsSent++;
            if (_endsSent >= EndRepeats)
            {
                IsActive = false;
            }
        }

        packet = new TelephoneEvent(_event, end, _volume, (ushort)_sent);
        return true;
    }

    public void Cancel() => IsActive = false;
}
