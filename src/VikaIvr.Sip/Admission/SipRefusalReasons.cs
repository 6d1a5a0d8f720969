namespace VikaIvr.Sip.Admission;

/// <summary>The lowercase names of <see cref="SipRefusalReason"/> (metric tags, the summary line): constants, so naming one allocates nothing.</summary>
public static class SipRefusalReasons
{
    public const int Count = (int)SipRefusalReason.Malformed + 1;

    public static string Name(SipRefusalReason reason) => reason switch
    {
        SipRefusalReason.MaxCalls => "max-calls",
        SipRefusalReason.Rate => "rate",
        SipRefusalReason.SourceBanned => "source-banned",
        SipRefusalReason.Draining => "draining",
        SipRefusalReason.NoPorts => "no-ports",
        SipRefusalReason.NotAllowed => "not-allowed",
        SipRefusalReason.UnknownNumber => "unknown-number",
        SipRefusalReason.Scanner => "scanner",
        SipRefusalReason.Malformed => "malformed",
        _ => "other",
    };
}
