namespace VikaIvr.Server.Hosting.Settings;

/// <summary>Settings that cannot be used: one line per bad key, naming the value and what is allowed.</summary>
public sealed class SettingsException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
