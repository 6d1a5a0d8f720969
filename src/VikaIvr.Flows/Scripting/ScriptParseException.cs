namespace VikaIvr.Flows.Scripting;

/// <summary>A script could not be parsed; every bad line is listed.</summary>
public sealed class ScriptParseException(IReadOnlyList<ScriptError> errors)
    : Exception("invalid call script:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<ScriptError> Errors { get; } = errors;
}
