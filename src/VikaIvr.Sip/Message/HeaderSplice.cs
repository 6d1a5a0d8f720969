namespace VikaIvr.Sip.Message;

/// <summary>What a spliced <see cref="HeaderEntry"/> writes into its raw value.</summary>
internal enum HeaderSplice : byte
{
    None,

    /// <summary>A response's top Via stamped (RFC 3261 18.2.1, RFC 3581): <c>=port</c> after rport, <c>;received=</c> and the address at the end.</summary>
    ViaStamp,

    /// <summary>A response's To with our tag (RFC 3261 8.2.6.2): <c>;tag=</c> and the tag at the end.</summary>
    ToTag,
}
