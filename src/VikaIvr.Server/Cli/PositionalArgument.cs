using System.CommandLine;

namespace VikaIvr.Server.Cli;

/// <summary>
/// Positional arguments that refuse words looking like options: System.CommandLine would otherwise
/// take an unknown option (`vika call --sip-port 9`) as the argument's value, and the typo would
/// pass as a file name or call target.
/// </summary>
public static class PositionalArgument
{
    public static Argument<T> Create<T>(string name, string description, ArgumentArity? arity = null)
    {
        var argument = new Argument<T>(name) { Description = description };
        if (arity is { } a) argument.Arity = a;
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                // "-" alone is standard input (sip parse -).
                if (token.Value.Length > 1 && token.Value[0] == '-')
                {
                    result.AddError($"Unrecognized command or argument '{token.Value}'.");
                }
            }
        });
        return argument;
    }
}
