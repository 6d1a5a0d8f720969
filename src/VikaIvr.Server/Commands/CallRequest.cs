namespace VikaIvr.Server.Commands;

/// <summary>What `vika call` was asked for, as typed (the command checks each value).</summary>
public sealed record CallRequest(string Target, string Dtmf, string DtmfMode, string Codec, string? Record, string? From, string Duration, bool Srtp = false);
