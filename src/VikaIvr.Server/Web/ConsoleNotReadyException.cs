namespace VikaIvr.Server.Web;

/// <summary>A console page was asked for before `serve` opened what it reads (answered 503).</summary>
public sealed class ConsoleNotReadyException(string message, Exception? inner = null) : Exception(message, inner);
