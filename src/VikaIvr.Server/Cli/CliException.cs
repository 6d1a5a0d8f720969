namespace VikaIvr.Server.Cli;

/// <summary>A usage error: printed without a stack trace, exit status 2.</summary>
public sealed class CliException(string message) : Exception(message);
