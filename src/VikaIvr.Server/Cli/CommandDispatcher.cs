namespace VikaIvr.Server.Cli;

/// <summary>Finds the command named by the first words of the command line and runs it.</summary>
public sealed class CommandDispatcher(IReadOnlyList<IVikaCommand> commands, TextWriter output, TextWriter error)
{
    public async Task<int> RunAsync(string[] argv, CancellationToken ct)
    {
        if (argv.Length == 0 || argv[0] is "help" or "--help" or "-h")
        {
            PrintHelp(output);
            return argv.Length == 0 ? 2 : 0;
        }
        IVikaCommand? best = null;
        int bestWords = 0;
        foreach (var c in commands)
        {
            string[] words = c.Name.Split(' ');
            if (words.Length > argv.Length || words.Length <= bestWords) continue;
            bool match = true;
            for (int i = 0; i < words.Length && match; i++) match = string.Equals(words[i], argv[i], StringComparison.Ordinal);
            if (match) { best = c; bestWords = words.Length; }
        }
        if (best is null)
        {
            error.WriteLine($"vika: unknown command '{string.Join(' ', argv)}'");
            PrintHelp(error);
            return 2;
        }
        try
        {
            var args = new CommandArgs(argv[bestWords..], best.Flags);
            return await best.RunAsync(args, ct).ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            error.WriteLine($"vika {best.Name}: {ex.Message}");
            error.WriteLine($"usage: vika {best.Usage}");
            return 2;
        }
    }

    private void PrintHelp(TextWriter w)
    {
        w.WriteLine("usage: vika COMMAND [options]");
        foreach (var c in commands) w.WriteLine("  vika " + c.Usage);
    }
}
