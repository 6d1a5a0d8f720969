namespace VikaIvr.Flows.Loading;

/// <summary>A YAML node with its line, built from parser events so duplicate keys and every
/// error can be reported with a line number instead of stopping at the first one.</summary>
internal abstract class YamlItem(int line)
{
    public int Line { get; } = line;
}

internal sealed class YamlScalarItem(int line, string value) : YamlItem(line)
{
    public string Value { get; } = value;
}

internal sealed class YamlMapItem(int line) : YamlItem(line)
{
    public List<KeyValuePair<YamlScalarItem, YamlItem>> Entries { get; } = [];
}

internal sealed class YamlListItem(int line) : YamlItem(line)
{
    public List<YamlItem> Items { get; } = [];
}
