using VikaIvr.Flows.Model;

namespace VikaIvr.Flows.Loading;

/// <summary>Turns the YAML tree of a flow file into a <see cref="FlowDefinition"/>, collecting
/// every structural error (missing fields, bad values, duplicate ids, unknown kinds).</summary>
internal sealed class FlowYamlReader(string file, List<FlowError> errors)
{
    public FlowDefinition? Read(YamlItem? root)
    {
        if (root is not YamlMapItem map)
        {
            errors.Add(new FlowError(file, root?.Line ?? 1, "a flow file must be a mapping with 'start' and 'nodes'"));
            return null;
        }

        var top = new YamlFields(map, file, errors);
        var start = top.Ref("start");
        if (start is null) top.Error(map.Line, "missing start: name the first node with 'start:'");
        var systemBusy = top.Ref("system-busy");
        var variables = ReadStrings(top.Map("variables", required: false));
        var nodes = new Dictionary<string, FlowNode>(StringComparer.Ordinal);
        var nodesMap = top.Map("nodes", required: true);
        top.ReportUnknownKeys("the flow");
        if (nodesMap is not null)
        {
            foreach (var (key, value) in nodesMap.Entries)
            {
                if (nodes.TryGetValue(key.Value, out var first))
                {
                    errors.Add(new FlowError(file, key.Line, $"duplicate node id '{key.Value}' (first defined at line {first.Line})"));
                    continue;
                }

                if (value is not YamlMapItem nodeMap)
                {
                    errors.Add(new FlowError(file, value.Line, $"node '{key.Value}' must be a mapping with 'kind'"));
                    continue;
                }

                var node = new FlowNodeReader(new YamlFields(nodeMap, file, errors), key).Read();
                if (node is not null) nodes.Add(node.Id, node);
            }
        }

        return new FlowDefinition
        {
            File = file,
            Start = start ?? new FlowRef("", map.Line),
            SystemBusyPrompt = systemBusy,
            Variables = variables,
            Nodes = nodes,
        };
    }

    private Dictionary<string, string> ReadStrings(YamlMapItem? map)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map is null) return result;
        foreach (var (k, v) in map.Entries)
        {
            if (v is YamlScalarItem s) result[k.Value] = s.Value;
            else errors.Add(new FlowError(file, v.Line, $"variable '{k.Value}' must be a single value"));
        }

        return result;
    }
}
