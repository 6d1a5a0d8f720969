using System.Text;
using VikaIvr.Flows.Scripting;

namespace VikaIvr.Fuzz.Targets;

/// <summary>A call script's text: ScriptParseException (listing file, line, cause) is the only refusal.</summary>
internal sealed class CallScriptTarget : IFuzzTarget
{
    public string Name => "call-script";

    public string Covers => "ScriptParser.Parse (tokenizer, statements, durations, keys)";

    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            var script = ScriptParser.Parse(Encoding.UTF8.GetString(input), "fuzz.vks");
            _ = script.Statements.Count;
        }
        catch (ScriptParseException)
        {
        }
    }
}
