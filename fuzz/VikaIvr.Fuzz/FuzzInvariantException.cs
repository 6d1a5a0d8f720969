namespace VikaIvr.Fuzz;

/// <summary>An input the API accepted although it breaks the API's own contract (a finding, like a crash).</summary>
internal sealed class FuzzInvariantException(string message) : Exception(message);
