using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace VikaIvr.Flows.Loading;

/// <summary>Reads one YAML document into <see cref="YamlItem"/>s with 1-based line numbers.</summary>
internal static class YamlTreeReader
{
    public static YamlItem? Read(TextReader text, string file, List<FlowError> errors)
    {
        var parser = new Parser(text);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _)) return null;
            parser.Consume<DocumentStart>();
            var root = ReadItem(parser, file, errors);
            parser.Consume<DocumentEnd>();
            return root;
        }
        catch (YamlException ex)
        {
            errors.Add(new FlowError(file, (int)ex.Start.Line, "YAML syntax: " + Clean(ex.Message)));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some malformed flow
            // collections (found by fuzzing: ": [" with a plain scalar on the next line).
            errors.Add(new FlowError(file, (int)(parser.Current?.Start.Line ?? 1), "YAML syntax: malformed flow collection"));
            return null;
        }
    }

    private static YamlItem ReadItem(IParser parser, string file, List<FlowError> errors)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
            return new YamlScalarItem((int)scalar.Start.Line, scalar.Value);

        if (parser.TryConsume<SequenceStart>(out var seqStart))
        {
            var list = new YamlListItem((int)seqStart.Start.Line);
            while (!parser.TryConsume<SequenceEnd>(out _)) list.Items.Add(ReadItem(parser, file, errors));
            return list;
        }

        if (parser.TryConsume<MappingStart>(out var mapStart))
        {
            var map = new YamlMapItem((int)mapStart.Start.Line);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = ReadItem(parser, file, errors);
                var value = ReadItem(parser, file, errors);
                if (key is YamlScalarItem k) map.Entries.Add(new(k, value));
                else errors.Add(new FlowError(file, key.Line, "a mapping key must be a plain value"));
            }

            return map;
        }

        if (parser.Current is MappingEnd or SequenceEnd or DocumentEnd or StreamEnd)
        {
            // A structure ends where a value is due ("    :\n    :", found by fuzzing): consuming the
            // end event here would run the reader past the end of the stream.
            var line = (int)parser.Current.Start.Line;
            errors.Add(new FlowError(file, line, "YAML syntax: a value is missing"));
            return new YamlScalarItem(line, "");
        }

        var other = parser.Consume<ParsingEvent>();
        errors.Add(new FlowError(file, (int)other.Start.Line, "aliases and anchors are not supported in flow files"));
        return new YamlScalarItem((int)other.Start.Line, "");
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes "(Line: a, Col: b, Idx: c) - (Line: ...): "; the line is reported separately.
        int i = message.LastIndexOf("): ", StringComparison.Ordinal);
        return i >= 0 ? message[(i + 3)..] : message;
    }
}
