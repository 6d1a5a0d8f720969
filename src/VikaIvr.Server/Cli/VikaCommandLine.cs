using System.CommandLine;
using System.CommandLine.Invocation;
using VikaIvr.Server.Commands;
using VikaIvr.Server.Commands.LiveScript;

namespace VikaIvr.Server.Cli;

/// <summary>The `vika` command line on System.CommandLine: every command, its options, help and errors.</summary>
public static class VikaCommandLine
{
    public static IReadOnlyList<IVikaCommand> Commands(TextWriter output, TextWriter error) =>
    [
        new ServeCommand(output, error),
        new CdrCommand(output, error),
        new DbSeedCommand(output, error),
        new SipParseCommand(output, error),
        new FlowValidateCommand(output, error),
        new FlowReloadCommand(output, error),
        new FlowRevisionsCommand(output, error),
        new SimulateCommand(output, error, new LiveScriptRunner(output, error).RunAsync),
        new CallCommand(output, error),
        new LoadCommand(output, error),
        new PromptsListCommand(output, error),
        new PromptsImportCommand(output, error),
        new PromptsSynthCommand(output, error),
        new PromptsCheckCommand(output, error),
        new AudioConvertCommand(output, error),
        new DtmfDetectCommand(output, error),
        new UsersAddCommand(output, error, System.Console.In),
        new ReportCommand(output, error),
    ];

    /// <summary>The root command; multi-word names ("sip parse") hang under a group command ("sip").</summary>
    public static RootCommand Create(IEnumerable<IVikaCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var root = new RootCommand("VikaIvr: the VIKA IVR server and its tools");
        foreach (var command in commands)
        {
            string[] words = command.Name.Split(' ');
            Command parent = root;
            foreach (string word in words[..^1])
            {
                var group = parent.Subcommands.FirstOrDefault(c => c.Name == word);
                if (group is null)
                {
                    group = new Command(word, $"the {word} commands");
                    parent.Subcommands.Add(group);
                }

                parent = group;
            }

            parent.Subcommands.Add(command.Create());
        }

        return root;
    }

    /// <summary>Parses and runs: usage errors and unknown options exit 2 with a message; --help exits 0.</summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(error);
        // No @file response files: a call target or key plan is never a file name.
        var parsed = Create(Commands(output, error)).Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Action is ParseErrorAction)
        {
            string name = CommandPath(parsed.CommandResult);
            foreach (var problem in parsed.Errors) error.WriteLine($"{name}: {problem.Message}");
            error.WriteLine($"usage: {name} --help");
            return 2;
        }

        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // `serve` stops through the Generic Host, which handles SIGINT and SIGTERM itself; the
            // other commands get Ctrl+C through the token given here.
            ProcessTerminationTimeout = null,
        };
        return await parsed.InvokeAsync(configuration, ct).ConfigureAwait(false);
    }

    /// <summary>"vika prompts import": the words that led to the command that failed to parse.</summary>
    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var words = new List<string>();
        for (var r = result; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
        {
            words.Insert(0, r.Command is RootCommand ? "vika" : r.Command.Name);
        }

        return string.Join(' ', words);
    }
}
