namespace VikaIvr.Flows.Digits;

/// <summary>How a key press reached the call.</summary>
public enum DtmfSource
{
    Rfc4733,
    SipInfo,
    InBand,
}
