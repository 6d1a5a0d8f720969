namespace VikaIvr.Media.Session;

/// <summary>
/// Takes the RFC 4733 digits a media session completes, straight from its receive path: called
/// on the receive thread (or the session's expiry check), in order; must be quick and never block.
/// </summary>
public interface IMediaDigitSink
{
    void OnDigit(in MediaDigit digit);
}
