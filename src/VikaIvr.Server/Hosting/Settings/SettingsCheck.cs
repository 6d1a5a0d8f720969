using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace VikaIvr.Server.Hosting.Settings;

/// <summary>
/// Runs the options' start-up validation and turns what goes wrong into one line per key: a
/// validator's refusal, and a value the binder cannot convert at all (`VIKA_Sip__Port=abc`), which
/// would otherwise surface as a stack trace.
/// </summary>
public static class SettingsCheck
{
    private const string BinderPrefix = "Failed to convert configuration value";

    /// <summary>Throws <see cref="SettingsException"/> naming every bad setting.</summary>
    public static void Validate(IServiceProvider services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (Exception ex) when (Describe(ex, configuration) is { Count: > 0 } lines)
        {
            throw new SettingsException(lines);
        }
    }

    /// <summary>The lines for a validation or binding failure; empty for any other exception.</summary>
    public static IReadOnlyList<string> Describe(Exception exception, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(configuration);
        var lines = new List<string>();
        Collect(exception, configuration, lines);
        return lines;
    }

    private static void Collect(Exception exception, IConfiguration configuration, List<string> lines)
    {
        switch (exception)
        {
            case AggregateException aggregate:
                foreach (var inner in aggregate.InnerExceptions) Collect(inner, configuration, lines);
                break;
            case OptionsValidationException validation:
                lines.AddRange(validation.Failures);
                break;
            case InvalidOperationException binding when binding.Message.StartsWith(BinderPrefix, StringComparison.Ordinal):
                lines.Add(FromBinder(binding.Message, configuration));
                break;
        }
    }

    /// <summary>"Failed to convert configuration value 'abc' at 'Sip:Port' to type 'System.Int32'." → our line.</summary>
    private static string FromBinder(string message, IConfiguration configuration)
    {
        string key = Between(message, " at '", "' to type '") ?? "(unknown)";
        string type = Between(message, " to type '", "'") ?? "";
        string expected = type switch
        {
            "System.Int32" or "System.Int64" => NumericSettings.For(key).Expected,
            "System.Boolean" => "true or false",
            _ => "a value of type " + type,
        };
        return SettingFailures.Line(key, configuration[key], expected);
    }

    private static string? Between(string text, string start, string end)
    {
        int from = text.IndexOf(start, StringComparison.Ordinal);
        if (from < 0) return null;
        from += start.Length;
        int to = text.IndexOf(end, from, StringComparison.Ordinal);
        return to < 0 ? null : text[from..to];
    }
}
