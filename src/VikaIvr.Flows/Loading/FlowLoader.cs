using VikaIvr.Flows.Model;

namespace VikaIvr.Flows.Loading;

/// <summary>Loads flow files (YAML) and checks them; every error names file, line and cause.</summary>
public static class FlowLoader
{
    /// <summary>Loads and checks a flow file; throws <see cref="FlowValidationException"/> listing all errors.</summary>
    public static FlowDefinition Load(string path, FlowCheckContext? context = null)
    {
        var (flow, errors) = TryLoad(path, context);
        if (errors.Count > 0 || flow is null) throw new FlowValidationException(errors);
        return flow;
    }

    /// <summary>Parses and checks YAML text; <paramref name="file"/> is the name used in errors.</summary>
    public static FlowDefinition Parse(string yaml, string file, FlowCheckContext? context = null)
    {
        var (flow, errors) = TryParse(yaml, file, context);
        if (errors.Count > 0 || flow is null) throw new FlowValidationException(errors);
        return flow;
    }

    /// <summary>For `vika flow validate FILE`: every problem in the file, empty when the flow is valid.</summary>
    public static IReadOnlyList<FlowError> Validate(string path, FlowCheckContext? context = null) => TryLoad(path, context).Errors;

    public static (FlowDefinition? Flow, IReadOnlyList<FlowError> Errors) TryLoad(string path, FlowCheckContext? context = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, [new FlowError(path, 0, "cannot read the flow file: " + ex.Message)]);
        }

        return TryParse(text, path, context);
    }

    public static (FlowDefinition? Flow, IReadOnlyList<FlowError> Errors) TryParse(string yaml, string file, FlowCheckContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var errors = new List<FlowError>();
        var root = YamlTreeReader.Read(new StringReader(yaml), file, errors);
        if (errors.Count > 0) return (null, errors);
        var flow = new FlowYamlReader(file, errors).Read(root);
        if (flow is null) return (null, errors);
        errors.AddRange(FlowValidator.Validate(flow, context ?? FlowCheckContext.None));
        errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        return (errors.Count == 0 ? flow : null, errors);
    }
}
