namespace VikaIvr.Server.Commands;

/// <summary>`vika load`'s options as given (checked by <see cref="LoadCommand.Options"/>).</summary>
public sealed record LoadRequest(string Target, int Calls, double Rate, double DurationSeconds, string? Script, string? Keys,
    string Dtmf, string Codec, string? Audio, string? Report, string? Bind, string RtpPorts = LoadRequest.DefaultRtpPorts, int SharedRtpPort = 0)
{
    /// <summary>The tester's RTP ports unless --rtp-ports says otherwise (clear of the server's default 20000-29999).</summary>
    public const string DefaultRtpPorts = "30000-39998";
}
