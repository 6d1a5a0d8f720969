using VikaIvr.Flows.Model;

namespace VikaIvr.Flows.Loading;

/// <summary>Checks a loaded flow as a whole: start, targets, reachability, prompts with audio,
/// actions and validators that exist.</summary>
public static class FlowValidator
{
    public static IReadOnlyList<FlowError> Validate(FlowDefinition flow, FlowCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(context);
        var errors = new List<FlowError>();
        void Error(int line, string cause) => errors.Add(new FlowError(flow.File, line, cause));

        if (flow.Start.Name.Length == 0) { /* reported by the reader as "missing start" */ }
        else if (!flow.Nodes.ContainsKey(flow.Start.Name)) Error(flow.Start.Line, $"start node '{flow.Start.Name}' does not exist");

        foreach (var node in flow.Nodes.Values)
        {
            foreach (var target in node.Targets())
            {
                if (target.Name.Length > 0 && !flow.Nodes.ContainsKey(target.Name))
                    Error(target.Line, $"node '{node.Id}' leads to unknown node '{target.Name}'");
            }

            CheckKindRules(node, Error, context);
        }

        CheckPrompts(flow, context, Error);
        CheckReachable(flow, Error);
        errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        return errors;
    }

    private static void CheckKindRules(FlowNode node, Action<int, string> error, FlowCheckContext context)
    {
        switch (node)
        {
            case ActionNode a:
                if (context.ActionNames is { } actions && a.Action.Name.Length > 0 && !actions.Contains(a.Action.Name))
                    error(a.Action.Line, $"unknown action '{a.Action.Name}' (registered: {List(actions)})");
                break;
            case CollectNode c:
                if (c.Validator is { } v && context.ValidatorNames is { } validators && !validators.Contains(v.Name))
                    error(v.Line, $"unknown validator '{v.Name}' (registered: {List(validators)})");
                if (c.Variable.Length == 0) error(c.Line, $"collect '{c.Id}' names no variable");
                break;
            case RecordNode r when r.Variable.Length == 0:
                error(r.Line, $"record '{r.Id}' names no variable");
                break;
            case SayNode s when s.Template.Length == 0:
                error(s.Line, $"say '{s.Id}' has no text");
                break;
        }
    }

    private static void CheckPrompts(FlowDefinition flow, FlowCheckContext context, Action<int, string> error)
    {
        if (context.Prompts is not { } store) return;
        if (flow.SystemBusyPrompt is { } busy && !store.Contains(busy.Name))
            error(busy.Line, $"prompt '{busy.Name}' has no audio");
        foreach (var node in flow.Nodes.Values)
        {
            foreach (var p in node.Prompts())
            {
                if (p.Name.Length > 0 && !store.Contains(p.Name)) error(p.Line, $"prompt '{p.Name}' has no audio");
            }
        }
    }

    private static void CheckReachable(FlowDefinition flow, Action<int, string> error)
    {
        if (!flow.Nodes.ContainsKey(flow.Start.Name)) return;
        var seen = new HashSet<string>(StringComparer.Ordinal) { flow.Start.Name };
        var todo = new Stack<string>();
        todo.Push(flow.Start.Name);
        while (todo.Count > 0)
        {
            foreach (var t in flow.Nodes[todo.Pop()].Targets())
            {
                if (flow.Nodes.ContainsKey(t.Name) && seen.Add(t.Name)) todo.Push(t.Name);
            }
        }

        foreach (var node in flow.Nodes.Values)
        {
            if (!seen.Contains(node.Id)) error(node.Line, $"node '{node.Id}' is unreachable from '{flow.Start.Name}'");
        }
    }

    private static string List(IReadOnlyCollection<string> names) =>
        names.Count == 0 ? "none" : string.Join(", ", names.Order(StringComparer.Ordinal));
}
