namespace VikaIvr.Media.Session;

/// <summary>
/// A session's audio listeners with the buffer their audio is decoded into (receive thread only),
/// replaced whole on each change: a session nobody listens to (most calls) holds none of it, in one
/// null field instead of an array and a buffer.
/// </summary>
internal sealed class AudioListeners
{
    private AudioListeners(IMediaAudioListener[] listeners, short[] pcm)
    {
        Listeners = listeners;
        Pcm = pcm;
    }

    public IMediaAudioListener[] Listeners { get; }

    /// <summary>Kept from one set to the next: the receive thread may be decoding into it.</summary>
    public short[] Pcm { get; }

    public static AudioListeners With(AudioListeners? current, IMediaAudioListener listener)
        => current is null ? new([listener], new short[MediaSession.MaxPacket]) : new([.. current.Listeners, listener], current.Pcm);

    /// <summary>Null once the last one is gone.</summary>
    public static AudioListeners? Without(AudioListeners? current, IMediaAudioListener listener)
    {
        if (current is null)
        {
            return null;
        }

        var left = Array.FindAll(current.Listeners, l => !ReferenceEquals(l, listener));
        return left.Length == 0 ? null : new(left, current.Pcm);
    }
}
