namespace VikaIvr.Server.Cli;

/// <summary>One `vika` sub-command.</summary>
public interface IVikaCommand
{
    /// <summary>The words that select it, e.g. "serve" or "sip parse".</summary>
    string Name { get; }

    /// <summary>One usage line for `vika help`.</summary>
    string Usage { get; }

    /// <summary>Option names that take no value.</summary>
    IReadOnlySet<string> Flags { get; }

    Task<int> RunAsync(CommandArgs args, CancellationToken ct);
}
