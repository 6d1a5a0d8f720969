using System.Globalization;
using VikaIvr.Flows.Model;

namespace VikaIvr.Flows.Loading;

/// <summary>Typed access to a mapping's fields that records every problem with its line and
/// remembers which keys were read, so unknown keys (typos) are reported too.</summary>
internal sealed class YamlFields
{
    /// <summary>Timeouts beyond this are taken as a unit mistake (e.g. "5000" meant as ms).</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(5);

    private readonly YamlMapItem _map;
    private readonly string _file;
    private readonly List<FlowError> _errors;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlFields(YamlMapItem map, string file, List<FlowError> errors)
    {
        _map = map;
        _file = file;
        _errors = errors;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, _) in map.Entries)
        {
            if (!seen.Add(key.Value)) Error(key.Line, $"duplicate key '{key.Value}'");
        }
    }

    public int Line => _map.Line;

    /// <summary>Fields of a nested mapping, reporting into the same error list.</summary>
    public YamlFields Nested(YamlMapItem map) => new(map, _file, _errors);

    public void Error(int line, string cause) => _errors.Add(new FlowError(_file, line, cause));

    public YamlItem? Get(string key)
    {
        _read.Add(key);
        foreach (var (k, v) in _map.Entries)
        {
            if (k.Value == key) return v;
        }

        return null;
    }

    public bool Has(string key) => Get(key) is not null;

    public YamlScalarItem? Scalar(string key, bool required)
    {
        var item = Get(key);
        if (item is null)
        {
            if (required) Error(_map.Line, $"missing '{key}'");
            return null;
        }

        if (item is YamlScalarItem s) return s;
        Error(item.Line, $"'{key}' must be a single value");
        return null;
    }

    public string? String(string key, bool required = false) => Scalar(key, required)?.Value;

    public FlowRef? Ref(string key, bool required = false) =>
        Scalar(key, required) is { } s ? RefOf(s, key) : null;

    public FlowRef RequiredRef(string key) => Ref(key, required: true) ?? new FlowRef("", _map.Line);

    public FlowRef RefOf(YamlScalarItem s, string what)
    {
        if (s.Value.Length == 0) Error(s.Line, $"'{what}' is empty");
        return new FlowRef(s.Value, s.Line);
    }

    /// <summary>A single prompt id or a list of them, under "prompt" or "prompts".</summary>
    public IReadOnlyList<FlowRef> PromptList(bool required)
    {
        string key = Has("prompts") ? "prompts" : "prompt";
        var item = Get(key);
        if (item is null)
        {
            if (required) Error(_map.Line, "missing 'prompt'");
            return [];
        }

        if (item is YamlScalarItem s) return [RefOf(s, key)];
        var refs = new List<FlowRef>();
        if (item is YamlListItem list)
        {
            foreach (var p in list.Items)
            {
                if (p is YamlScalarItem ps) refs.Add(RefOf(ps, key));
                else Error(p.Line, $"'{key}' entries must be prompt ids");
            }
        }
        else Error(item.Line, $"'{key}' must be a prompt id or a list of them");

        if (refs.Count == 0 && required) Error(item.Line, $"'{key}' is empty");
        return refs;
    }

    public bool Bool(string key, bool defaultValue)
    {
        var s = Scalar(key, required: false);
        if (s is null) return defaultValue;
        switch (s.Value)
        {
            case "true" or "yes" or "on": return true;
            case "false" or "no" or "off": return false;
            default:
                Error(s.Line, $"'{key}' must be true or false, not '{s.Value}'");
                return defaultValue;
        }
    }

    public int Int(string key, int defaultValue, int min, int max)
    {
        var s = Scalar(key, required: false);
        if (s is null) return defaultValue;
        if (!int.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v))
        {
            Error(s.Line, $"'{key}' must be a whole number, not '{s.Value}'");
            return defaultValue;
        }

        if (v < min || v > max)
        {
            Error(s.Line, $"'{key}' must be between {min} and {max}, not {v}");
            return defaultValue;
        }

        return v;
    }

    public TimeSpan Timeout(string key, TimeSpan defaultValue)
    {
        var s = Scalar(key, required: false);
        if (s is null) return defaultValue;
        if (!DurationText.TryParse(s.Value, out var t))
        {
            Error(s.Line, $"'{key}' must be a duration such as 5s or 300ms, not '{s.Value}'");
            return defaultValue;
        }

        if (t <= TimeSpan.Zero)
        {
            Error(s.Line, $"'{key}' must be positive, not '{s.Value}'");
            return defaultValue;
        }

        if (t > MaxTimeout)
        {
            Error(s.Line, $"'{key}' of '{s.Value}' is absurd (more than {MaxTimeout.TotalSeconds:0} s)");
            return defaultValue;
        }

        return t;
    }

    public YamlMapItem? Map(string key, bool required)
    {
        var item = Get(key);
        if (item is null)
        {
            if (required) Error(_map.Line, $"missing '{key}'");
            return null;
        }

        if (item is YamlMapItem m) return m;
        Error(item.Line, $"'{key}' must be a mapping");
        return null;
    }

    /// <summary>Reports keys that no reader asked for: usually typos that would silently change behaviour.</summary>
    public void ReportUnknownKeys(string where)
    {
        foreach (var (k, _) in _map.Entries)
        {
            if (!_read.Contains(k.Value)) Error(k.Line, $"unknown key '{k.Value}' in {where}");
        }
    }
}
