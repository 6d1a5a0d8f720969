namespace VikaIvr.Media.Srtp;

/// <summary>
/// The 64-packet sliding replay list of RFC 3711 3.3.2: an index newer than the highest is fresh, one
/// within the window is fresh once, anything older is refused. Checked before and updated only after
/// a packet authenticated, so a forged packet cannot move the window.
/// </summary>
internal struct SrtpReplayWindow
{
    public const int Size = 64;

    private ulong _highest;
    private ulong _seen;
    private bool _started;

    public readonly ulong Highest => _highest;

    public readonly bool IsFresh(ulong index)
    {
        if (!_started || index > _highest)
        {
            return true;
        }

        ulong behind = _highest - index;
        return behind < Size && (_seen & (1UL << (int)behind)) == 0;
    }

    public void Accept(ulong index)
    {
        if (!_started)
        {
            _started = true;
            _highest = index;
            _seen = 1;
        }
        else if (index > _highest)
        {
            ulong ahead = index - _highest;
            _seen = ahead >= Size ? 1 : (_seen << (int)ahead) | 1;
            _highest = index;
        }
        else
        {
            _seen |= 1UL << (int)(_highest - index);
        }
    }
}
