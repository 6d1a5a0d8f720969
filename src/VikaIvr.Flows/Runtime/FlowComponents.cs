using VikaIvr.Flows.Ports;

namespace VikaIvr.Flows.Runtime;

/// <summary>The domain actions and digit validators a flow may name, registered by name.</summary>
public sealed class FlowComponents
{
    private readonly Dictionary<string, IFlowAction> _actions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IDigitValidator> _validators = new(StringComparer.Ordinal);

    public FlowComponents(IEnumerable<IFlowAction> actions, IEnumerable<IDigitValidator> validators)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(validators);
        foreach (var a in actions)
        {
            if (!_actions.TryAdd(a.Name, a)) throw new ArgumentException($"action '{a.Name}' is registered twice", nameof(actions));
        }

        foreach (var v in validators)
        {
            if (!_validators.TryAdd(v.Name, v)) throw new ArgumentException($"validator '{v.Name}' is registered twice", nameof(validators));
        }
    }

    public static FlowComponents Empty { get; } = new([], []);

    public IReadOnlyCollection<string> ActionNames => _actions.Keys;
    public IReadOnlyCollection<string> ValidatorNames => _validators.Keys;

    /// <summary>These components and another set's (e.g. the domain's and the operator line's); names must not clash.</summary>
    public FlowComponents With(FlowComponents other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new FlowComponents([.. _actions.Values, .. other._actions.Values], [.. _validators.Values, .. other._validators.Values]);
    }

    public IFlowAction? Action(string name) => _actions.GetValueOrDefault(name);
    public IDigitValidator? Validator(string name) => _validators.GetValueOrDefault(name);
}
