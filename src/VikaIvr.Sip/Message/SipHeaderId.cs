namespace VikaIvr.Sip.Message;

/// <summary>Well-known SIP header fields; <see cref="Unknown"/> for extension headers (kept by name).</summary>
public enum SipHeaderId : byte
{
    Unknown = 0,
    Accept, AcceptContact, AcceptEncoding, AcceptLanguage, AlertInfo, Allow, AllowEvents,
    AuthenticationInfo, Authorization, CallId, CallInfo, Contact, ContentDisposition,
    ContentEncoding, ContentLanguage, ContentLength, ContentType, CSeq, Date, Diversion,
    ErrorInfo, Event, Expires, From, Identity, IdentityInfo, InReplyTo, MaxForwards,
    MimeVersion, MinExpires, MinSE, Organization, PAssertedIdentity, PPreferredIdentity,
    Priority, Privacy, ProxyAuthenticate, ProxyAuthorization, ProxyRequire, RAck, Reason,
    RecordRoute, ReferTo, ReferredBy, RejectContact, Replaces, ReplyTo, RequestDisposition,
    Require, RetryAfter, Route, RSeq, Server, SessionExpires, Subject, SubscriptionState,
    Supported, Timestamp, To, Unsupported, UserAgent, Via, Warning, WwwAuthenticate,
}
