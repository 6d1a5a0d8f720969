using VikaIvr.Server.Hosting.Settings;

namespace VikaIvr.Server.Cli;

/// <summary>Runs a command's body and turns its usage and settings errors into messages and exit statuses.</summary>
public static class CommandRunner
{
    /// <summary>2 for a usage error (with a pointer to --help), 1 for invalid settings (one line per key).</summary>
    public static async Task<int> RunAsync(string name, TextWriter error, Func<Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            error.WriteLine($"vika {name}: {ex.Message}");
            error.WriteLine($"usage: vika {name} --help");
            return 2;
        }
        catch (VikaIvr.Data.DataStoreException ex)
        {
            error.WriteLine($"vika {name}: the database is not available: {ex.Message}");
            return 1;
        }
        catch (SettingsException ex)
        {
            foreach (var problem in ex.Problems) error.WriteLine($"vika {name}: {problem}");
            return 1;
        }
    }
}
