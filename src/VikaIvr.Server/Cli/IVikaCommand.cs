using System.CommandLine;

namespace VikaIvr.Server.Cli;

/// <summary>One `vika` sub-command: its words, and its System.CommandLine definition with the action that runs it.</summary>
public interface IVikaCommand
{
    /// <summary>The words that select it, e.g. "serve" or "sip parse".</summary>
    string Name { get; }

    /// <summary>The command named by the last word of <see cref="Name"/>, its options and its action.</summary>
    Command Create();
}
