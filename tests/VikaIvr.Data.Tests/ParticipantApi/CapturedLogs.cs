using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VikaIvr.Data.Tests.ParticipantApi;

/// <summary>Every log line of every category at every level, with its exception's messages, for privacy checks.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string line = $"{logLevel} {category}: {formatter(state, exception)}";
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                line += " | " + string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"));
            }

            for (var e = exception; e is not null; e = e.InnerException) line += " | " + e.GetType().Name + ": " + e.Message;
            lines.Enqueue(line);
        }
    }
}
