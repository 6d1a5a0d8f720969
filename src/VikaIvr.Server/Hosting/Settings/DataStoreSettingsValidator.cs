using Microsoft.Extensions.Options;
using Npgsql;
using VikaIvr.Data;

namespace VikaIvr.Server.Hosting.Settings;

/// <summary>Checks the store choice: a known Data:Provider, and for postgres a connection string Npgsql can read.</summary>
public sealed class DataStoreSettingsValidator : IValidateOptions<DataSettings>
{
    public ValidateOptionsResult Validate(string? name, DataSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new SettingFailures();
        if (!DataProviders.IsKnown(options.Provider))
        {
            failures.Add("Data:Provider", options.Provider, "sqlite (the embedded file) or postgres (with Data:ConnectionString)");
        }
        else if (DataProviders.IsPostgres(options.Provider))
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                failures.Add("Data:ConnectionString", options.ConnectionString, "a PostgreSQL connection string (Host=...;Port=...;Username=...;Database=...) when Data:Provider is postgres");
            }
            else if (!Readable(options.ConnectionString, out string cause))
            {
                // The value may hold a password: only the cause is shown.
                failures.Add("Data:ConnectionString", "(hidden)", "a PostgreSQL connection string Npgsql can read: " + cause);
            }
        }

        return failures.Result;
    }

    private static bool Readable(string connectionString, out string cause)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            cause = string.IsNullOrWhiteSpace(builder.Host) ? "it names no Host" : "";
            return cause.Length == 0;
        }
        catch (ArgumentException ex)
        {
            cause = ex.Message;
            return false;
        }
    }
}
