namespace VikaIvr.Testing.Load;

/// <summary>A script's expectations over all calls: checked, failed (by message), and lines the fingerprints cannot check.</summary>
public sealed record LoadExpectationReport(long Checked, long Failed, long Unchecked, IReadOnlyDictionary<string, int> Failures);
