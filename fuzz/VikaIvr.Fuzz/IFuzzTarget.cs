namespace VikaIvr.Fuzz;

/// <summary>
/// One fuzzed API. <see cref="Run"/> lets only the API's documented refusals pass (a false from a
/// TryParse, the parser's own exception type); any other exception, and any hang, is a finding.
/// </summary>
internal interface IFuzzTarget
{
    string Name { get; }

    /// <summary>What the target drives, for `list` and the README table.</summary>
    string Covers { get; }

    void Run(ReadOnlySpan<byte> input);
}
