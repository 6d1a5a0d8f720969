namespace VikaIvr.Server.Cli;

/// <summary>
/// The words of one command line after the command name: positional arguments, `--name value`
/// options and `--flag` switches. Unknown options are an error, so typos do not pass silently.
/// </summary>
public sealed class CommandArgs
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public CommandArgs(IReadOnlyList<string> words, IReadOnlySet<string> flags)
    {
        var positional = new List<string>();
        for (int i = 0; i < words.Count; i++)
        {
            string w = words[i];
            if (w.StartsWith("--", StringComparison.Ordinal) && w.Length > 2)
            {
                string name = w[2..];
                string? value = null;
                int eq = name.IndexOf('=');
                if (eq >= 0) { value = name[(eq + 1)..]; name = name[..eq]; }
                else if (!flags.Contains(name))
                {
                    if (i + 1 >= words.Count) throw new CliException($"option --{name} needs a value");
                    value = words[++i];
                }
                _options[name] = value;
            }
            else positional.Add(w);
        }
        Positional = positional;
    }

    public IReadOnlyList<string> Positional { get; }

    public string? Get(string name)
    {
        _read.Add(name);
        return _options.TryGetValue(name, out var v) ? v : null;
    }

    public bool Has(string name)
    {
        _read.Add(name);
        return _options.ContainsKey(name);
    }

    public int? GetInt(string name)
    {
        string? v = Get(name);
        if (v is null) return null;
        return int.TryParse(v, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int n)
            ? n : throw new CliException($"option --{name} needs a whole number, not '{v}'");
    }

    /// <summary>Fails on options the command did not ask for.</summary>
    public void EnsureAllRead()
    {
        foreach (var name in _options.Keys)
            if (!_read.Contains(name)) throw new CliException($"unknown option --{name}");
    }

    public string Require(int position, string what)
        => position < Positional.Count ? Positional[position] : throw new CliException($"missing {what}");
}
