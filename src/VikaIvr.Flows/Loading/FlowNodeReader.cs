using VikaIvr.Flows.Model;

namespace VikaIvr.Flows.Loading;

/// <summary>Reads one node mapping by its 'kind'.</summary>
internal sealed class FlowNodeReader(YamlFields f, YamlScalarItem id)
{
    public FlowNode? Read()
    {
        string? kind = f.String("kind", required: true);
        string? outcome = f.String("outcome");
        FlowNode? node = kind switch
        {
            "play" => ReadPlay(outcome),
            "record" => ReadRecord(outcome),
            "say" => new SayNode
            {
                Id = id.Value, Line = id.Line, Outcome = outcome,
                Template = f.String("text", required: true) ?? "", BargeIn = f.Bool("barge-in", true), Next = f.RequiredRef("next"),
            },
            "menu" => ReadMenu(outcome),
            "collect" => ReadCollect(outcome),
            "action" => ReadAction(outcome),
            "branch" => new BranchNode
            {
                Id = id.Value, Line = id.Line, Outcome = outcome,
                On = f.String("on", required: true) ?? "", Cases = ReadTargets("cases"), Default = f.RequiredRef("default"),
            },
            "set" => new SetNode
            {
                Id = id.Value, Line = id.Line, Outcome = outcome,
                Values = ReadValues("values"), Next = f.RequiredRef("next"),
            },
            "transfer" => new TransferNode
            {
                Id = id.Value, Line = id.Line, Outcome = outcome,
                Prompt = f.Ref("prompt"), Target = f.String("target", required: true) ?? "", OnFailure = f.RequiredRef("on-failure"),
            },
            "hangup" => new HangupNode { Id = id.Value, Line = id.Line, Outcome = outcome },
            "goto" => new GotoNode { Id = id.Value, Line = id.Line, Outcome = outcome, Target = f.RequiredRef("target") },
            null => null,
            _ => Unknown(kind),
        };
        if (node is not null) f.ReportUnknownKeys($"{kind} node '{id.Value}'");
        return node;
    }

    private FlowNode? Unknown(string kind)
    {
        f.Error(f.Line, $"node '{id.Value}' has unknown kind '{kind}' (play, say, menu, collect, action, branch, set, transfer, hangup, goto, record)");
        return null;
    }

    private PlayNode ReadPlay(string? outcome)
    {
        string? clip = f.String("clip");
        if (clip is { Length: 0 }) f.Error(f.Line, $"play '{id.Value}': 'clip' is empty");
        var prompts = f.PromptList(required: clip is null);
        return new PlayNode
        {
            Id = id.Value, Line = id.Line, Outcome = outcome,
            PromptIds = prompts, Clip = clip, BargeIn = f.Bool("barge-in", true), Next = f.RequiredRef("next"),
        };
    }

    private RecordNode ReadRecord(string? outcome)
    {
        string terminators = f.String("terminator") ?? "#";
        foreach (char c in terminators)
        {
            if (!IsKey(c)) f.Error(f.Line, $"record '{id.Value}': terminator '{c}' is not a key");
        }

        var max = f.Timeout("max-duration", TimeSpan.FromSeconds(60));
        var min = f.Has("min-duration") ? f.Timeout("min-duration", TimeSpan.FromMilliseconds(500)) : TimeSpan.FromMilliseconds(500);
        if (min >= max) f.Error(f.Line, $"record '{id.Value}': min-duration is not shorter than max-duration");
        return new RecordNode
        {
            Id = id.Value, Line = id.Line, Outcome = outcome,
            PromptIds = f.PromptList(required: false),
            Beep = f.Ref("beep"),
            MaxDuration = max,
            SilenceTimeout = f.Timeout("silence-timeout", TimeSpan.FromSeconds(5)),
            MinDuration = min,
            Terminators = terminators,
            Variable = f.String("variable", required: true) ?? "",
            OnTooShort = f.Ref("on-too-short"),
            Next = f.RequiredRef("next"),
        };
    }

    private MenuNode ReadMenu(string? outcome)
    {
        var choices = new Dictionary<char, FlowRef>();
        foreach (var (key, target) in ReadTargets("choices"))
        {
            if (key.Length != 1 || !IsKey(key[0])) f.Error(target.Line, $"menu choice '{key}' is not a single key 0-9, *, #, A-D");
            else choices[key[0]] = target;
        }

        if (choices.Count == 0) f.Error(f.Line, $"menu '{id.Value}' offers no choices");
        return new MenuNode
        {
            Id = id.Value, Line = id.Line, Outcome = outcome,
            PromptIds = f.PromptList(required: true),
            Choices = choices,
            Timeout = f.Timeout("timeout", TimeSpan.FromSeconds(5)),
            MaxFailures = f.Int("max-failures", 3, 1, 10),
            InvalidPrompt = f.Ref("invalid-prompt"),
            NoInputPrompt = f.Ref("no-input-prompt"),
            OnTooManyFailures = f.RequiredRef("on-too-many"),
            BargeIn = f.Bool("barge-in", true),
        };
    }

    private CollectNode ReadCollect(string? outcome)
    {
        int min = f.Int("min-digits", 1, 1, 64);
        int max = f.Int("max-digits", min, 1, 64);
        if (min > max) f.Error(f.Line, $"collect '{id.Value}': min-digits {min} is more than max-digits {max}");
        string terminators = f.String("terminator") ?? "";
        foreach (char c in terminators)
        {
            if (!IsKey(c)) f.Error(f.Line, $"collect '{id.Value}': terminator '{c}' is not a key");
        }

        return new CollectNode
        {
            Id = id.Value, Line = id.Line, Outcome = outcome,
            PromptIds = f.PromptList(required: true),
            MinDigits = min,
            MaxDigits = max,
            Terminators = terminators,
            FirstDigitTimeout = f.Timeout("first-digit-timeout", TimeSpan.FromSeconds(10)),
            InterDigitTimeout = f.Timeout("inter-digit-timeout", TimeSpan.FromSeconds(5)),
            Validator = f.Ref("validator"),
            InvalidPrompt = f.Ref("invalid-prompt"),
            NoInputPrompt = f.Ref("no-input-prompt"),
            Attempts = f.Int("attempts", 3, 1, 10),
            OnTooManyFailures = f.RequiredRef("on-too-many"),
            Variable = f.String("variable", required: true) ?? "",
            Personal = f.Bool("personal", false),
            BargeIn = f.Bool("barge-in", true),
            Next = f.RequiredRef("next"),
        };
    }

    private ActionNode ReadAction(string? outcome)
    {
        ActionLimit? limit = null;
        if (f.Map("limit", required: false) is { } limitMap)
        {
            var inner = f.Nested(limitMap);
            string outcomeName = inner.String("outcome", required: true) ?? "";
            string counter = inner.String("counter", required: true) ?? "";
            int max = inner.Int("max", 3, 1, 100);
            var then = inner.RequiredRef("then");
            inner.ReportUnknownKeys($"the limit of action '{id.Value}'");
            limit = new ActionLimit(outcomeName, counter, max, then);
        }

        return new ActionNode
        {
            Id = id.Value, Line = id.Line, Outcome = outcome,
            Action = f.RequiredRef("action"),
            Outcomes = ReadTargets("outcomes"),
            Limit = limit,
        };
    }

    private Dictionary<string, FlowRef> ReadTargets(string key)
    {
        var result = new Dictionary<string, FlowRef>(StringComparer.Ordinal);
        if (f.Map(key, required: true) is not { } map) return result;
        f.Nested(map); // reports duplicate keys
        foreach (var (k, v) in map.Entries)
        {
            if (v is YamlScalarItem s) result[k.Value] = f.RefOf(s, $"{key}.{k.Value}");
            else f.Error(v.Line, $"'{key}.{k.Value}' must name a node");
        }

        return result;
    }

    private Dictionary<string, string> ReadValues(string key)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (f.Map(key, required: true) is not { } map) return result;
        f.Nested(map);
        foreach (var (k, v) in map.Entries)
        {
            if (v is YamlScalarItem s) result[k.Value] = s.Value;
            else f.Error(v.Line, $"'{key}.{k.Value}' must be a single value");
        }

        return result;
    }

    private static bool IsKey(char c) => c is (>= '0' and <= '9') or '*' or '#' or (>= 'A' and <= 'D');
}
