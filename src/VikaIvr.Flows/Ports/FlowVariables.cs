namespace VikaIvr.Flows.Ports;

/// <summary>
/// The per-call variables a flow collects and actions read and write. Values marked personal
/// (NIK, card number, birth date) are masked whenever they leave the call (logs, records).
/// </summary>
public sealed class FlowVariables
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    // Made with the first personal value or clip: many calls end before either.
    private HashSet<string>? _personal;
    private Dictionary<string, AudioClip>? _clips;

    public string? this[string name] => _values.TryGetValue(name, out var v) ? v : null;

    public void Set(string name, string value, bool personal = false)
    {
        _values[name] = value;
        if (personal) (_personal ??= new(StringComparer.Ordinal)).Add(name); else _personal?.Remove(name);
    }

    public bool Remove(string name)
    {
        _personal?.Remove(name);
        return _values.Remove(name);
    }

    /// <summary>Audio held for the call (a recording to play back or save); never logged.</summary>
    public void SetClip(string name, AudioClip clip) => (_clips ??= new(StringComparer.Ordinal))[name] = clip ?? throw new ArgumentNullException(nameof(clip));

    public AudioClip? Clip(string name) => _clips?.GetValueOrDefault(name);

    public bool IsPersonal(string name) => _personal?.Contains(name) == true;

    public IReadOnlyDictionary<string, string> Values => _values;
}
