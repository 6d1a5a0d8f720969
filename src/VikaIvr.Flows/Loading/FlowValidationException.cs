namespace VikaIvr.Flows.Loading;

/// <summary>A flow file is invalid; <see cref="Errors"/> lists every problem found, each with file and line.</summary>
public sealed class FlowValidationException : Exception
{
    public FlowValidationException(IReadOnlyList<FlowError> errors)
        : base(BuildMessage(errors)) => Errors = errors;

    public IReadOnlyList<FlowError> Errors { get; }

    private static string BuildMessage(IReadOnlyList<FlowError> errors) =>
        $"invalid call flow ({errors.Count} error{(errors.Count == 1 ? "" : "s")}):"
        + Environment.NewLine + string.Join(Environment.NewLine, errors);
}
