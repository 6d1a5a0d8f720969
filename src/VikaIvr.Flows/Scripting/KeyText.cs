namespace VikaIvr.Flows.Scripting;

/// <summary>Keys as transcripts and failures show them: long runs are identity or card numbers
/// (ends shown) or birth dates (hidden), so a script's personal data never appears in full.</summary>
public static class KeyText
{
    public static string Mask(string keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Length switch
        {
            >= 12 => keys[..4] + new string('*', keys.Length - 8) + keys[^4..],
            >= 6 => new string('*', keys.Length),
            _ => keys,
        };
    }
}
