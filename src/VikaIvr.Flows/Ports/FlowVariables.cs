using System.Collections.Frozen;

namespace VikaIvr.Flows.Ports;

/// <summary>
/// The per-call variables a flow collects and actions read and write. Values marked personal
/// (NIK, card number, birth date) are masked whenever they leave the call (logs, records).
/// </summary>
public sealed class FlowVariables
{
    // The flow's defaults, shared by all its calls and never changed; the call's own copy is made
    // at its first change (many calls end in the menus before any variable is set).
    private readonly IReadOnlyDictionary<string, string> _defaults;
    private Dictionary<string, string>? _values;
    // Made with the first personal value or clip: many calls end before either.
    private HashSet<string>? _personal;
    private Dictionary<string, AudioClip>? _clips;

    public FlowVariables()
        : this(FrozenDictionary<string, string>.Empty)
    {
    }

    /// <param name="defaults">The starting values, read until the first change (the caller must not change them afterwards).</param>
    public FlowVariables(IReadOnlyDictionary<string, string> defaults)
    {
        _defaults = defaults ?? throw new ArgumentNullException(nameof(defaults));
    }

    public string? this[string name] => Values.TryGetValue(name, out var v) ? v : null;

    public void Set(string name, string value, bool personal = false)
    {
        Own()[name] = value;
        if (personal) (_personal ??= new(StringComparer.Ordinal)).Add(name); else _personal?.Remove(name);
    }

    public bool Remove(string name)
    {
        _personal?.Remove(name);
        return Own().Remove(name);
    }

    /// <summary>Audio held for the call (a recording to play back or save); never logged.</summary>
    public void SetClip(string name, AudioClip clip) => (_clips ??= new(StringComparer.Ordinal))[name] = clip ?? throw new ArgumentNullException(nameof(clip));

    public AudioClip? Clip(string name) => _clips?.GetValueOrDefault(name);

    public bool IsPersonal(string name) => _personal?.Contains(name) == true;

    public IReadOnlyDictionary<string, string> Values => _values ?? _defaults;

    private Dictionary<string, string> Own()
    {
        if (_values is null)
        {
            var values = new Dictionary<string, string>(_defaults.Count + 4, StringComparer.Ordinal);
            foreach (var (k, v) in _defaults) values[k] = v;
            _values = values;
        }

        return _values;
    }
}
