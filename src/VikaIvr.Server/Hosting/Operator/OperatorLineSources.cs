namespace VikaIvr.Server.Hosting.Operator;

/// <summary>
/// Operator:AllowFrom as the SIP edge applies it: the transport sources the operator line answers
/// (empty: loopback and the private networks). Anyone else meets the unknown-number answer.
/// </summary>
public static class OperatorLineSources
{
    /// <summary>Loopback and private networks (RFC 1918, RFC 4193).</summary>
    public static IReadOnlyList<string> Default { get; } =
        ["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"];

    public static IReadOnlyList<string> Of(OperatorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.AllowFrom.Count > 0 ? settings.AllowFrom : Default;
    }

    /// <summary>For the user agent's restricted numbers: the open line's number with its sources; nothing while the line is closed.</summary>
    public static Dictionary<string, IList<string>> Restrictions(OperatorSettings settings)
    {
        var line = OperatorLine.From(settings);
        var restrictions = new Dictionary<string, IList<string>>(StringComparer.Ordinal);
        if (line.IsOpen) restrictions[line.Number] = [.. Of(settings)];
        return restrictions;
    }
}
