using System.Collections.Frozen;

namespace VikaIvr.Server.Hosting.Settings;

/// <summary>
/// The allowed range of every whole-number setting, in one table: the validators check against it,
/// and a value that is not a number at all is reported with the same words.
/// </summary>
public static class NumericSettings
{
    private static readonly FrozenDictionary<string, NumericRule> Rules = new Dictionary<string, NumericRule>(StringComparer.OrdinalIgnoreCase)
    {
        ["Sip:Port"] = new(1, 65535, "a port number 1-65535"),
        ["Sip:MaxCallDurationSeconds"] = new(0, 86400, "seconds 0-86400 (0 = no limit)"),
        ["Sip:AnswerDelayMs"] = new(0, 60000, "milliseconds 0-60000"),
        ["Sip:MaxHeaders"] = new(10, 10000, "a header count 10-10000"),
        ["Sip:MaxCalls"] = new(0, 100000, "a call count 0-100000 (0 = what the RTP ports carry)"),
        ["Sip:MaxCallsPerSecond"] = new(0, 100000, "calls per second 0-100000 (0 = no limit)"),
        ["Sip:MaxCallsPerSourcePerSecond"] = new(0, 100000, "requests per second 0-100000 (0 = no limit)"),
        ["Sip:SourceBanSeconds"] = new(1, 3600, "seconds 1-3600"),
        ["Sip:RetryAfterSeconds"] = new(1, 3600, "seconds 1-3600"),
        ["Sip:MaxTcpConnectionsPerSource"] = new(0, 100000, "connections 0-100000 (0 = no per-source cap)"),
        ["Sip:TcpFirstMessageSeconds"] = new(1, 300, "seconds 1-300"),
        // RFC 4028 asks for at least 90 s; shorter intervals are allowed so tests can watch a session expire.
        ["Sip:SessionExpiresSeconds"] = new(1, 86400, "seconds 1-86400, not below Sip:MinSessionExpiresSeconds"),
        ["Sip:MinSessionExpiresSeconds"] = new(1, 86400, "seconds 1-86400 (RFC 4028: 90 or more; less only for tests)"),
        ["Media:RtpTimeoutSeconds"] = new(0, 3600, "seconds 0-3600 (0 = off)"),
        ["Data:ParticipantApi:TimeoutMs"] = new(50, 60000, "milliseconds 50-60000"),
        ["Data:ParticipantApi:Retries"] = new(0, 10, "a retry count 0-10"),
        ["Data:ParticipantApi:CacheSeconds"] = new(0, 86400, "seconds 0-86400 (0 = no cache)"),
        ["Media:PacerThreads"] = new(0, 64, "a thread count 0-64 (0 = one per core, at most 4)"),
        ["Media:ReceiveThreads"] = new(1, 64, "a thread count 1-64"),
        ["Media:PacerSlots"] = new(2, 40, "an even number of slots per 20 ms, 2-40"),
        ["Media:ReceiveBatchMs"] = new(0, 10, "milliseconds 0-10 (0 = read each packet as it arrives)"),
        ["Media:SharedRtpPort"] = new(0, 65534, "0 (a port pair per call) or an even port 1024-65534 outside Media:RtpPorts"),
        ["Trunk:ExpiresSeconds"] = new(60, 86400, "seconds 60-86400"),
        ["Operator:MaxPinFailures"] = new(1, 100, "wrong PINs 1-100"),
        ["Operator:LockoutMinutes"] = new(1, 10080, "minutes 1-10080 (a week)"),
        ["Server:StatsSeconds"] = new(0, 86400, "seconds 0-86400 (0 = off)"),
        ["Server:StopSeconds"] = new(1, 3600, "seconds 1-3600"),
        ["Server:DrainSeconds"] = new(0, 86400, "seconds 0-86400 (0 = no drain: BYE at once)"),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The rule for <paramref name="key"/> (Section:Name); a plain whole number when the table has none.</summary>
    public static NumericRule For(string key) =>
        Rules.TryGetValue(key, out var rule) ? rule : new NumericRule(int.MinValue, int.MaxValue, "a whole number");
}
