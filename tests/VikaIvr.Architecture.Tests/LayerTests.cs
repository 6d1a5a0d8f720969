using System.Reflection;

namespace VikaIvr.Architecture.Tests;

/// <summary>The layer rule of DESIGN.md: lower layers never reference higher ones.</summary>
public class LayerTests
{
    // Each layer and the VikaIvr assemblies it may reference.
    public static TheoryData<string, string[]> Allowed => new()
    {
        { "VikaIvr.Sip", [] },
        { "VikaIvr.Media", [] },
        { "VikaIvr.Flows", [] },
        { "VikaIvr.Speech", ["VikaIvr.Flows", "VikaIvr.Media"] },
        { "VikaIvr.Jkn", ["VikaIvr.Flows"] },
        { "VikaIvr.Data", ["VikaIvr.Jkn", "VikaIvr.Flows"] },
        { "VikaIvr.Telephony", ["VikaIvr.Sip", "VikaIvr.Media", "VikaIvr.Flows"] },
        { "VikaIvr.Testing", ["VikaIvr.Sip", "VikaIvr.Media", "VikaIvr.Flows"] },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Layer_references_only_what_is_below_it(string layer, string[] allowed)
    {
        var asm = Assembly.Load(layer);
        var used = asm.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("VikaIvr.", StringComparison.Ordinal))
            .ToList();
        var forbidden = used.Except(allowed).ToList();
        Assert.True(forbidden.Count == 0, $"{layer} references {string.Join(", ", forbidden)}");
    }

    [Theory]
    [InlineData("VikaIvr.Sip")]
    [InlineData("VikaIvr.Media")]
    [InlineData("VikaIvr.Flows")]
    [InlineData("VikaIvr.Speech")]
    [InlineData("VikaIvr.Jkn")]
    [InlineData("VikaIvr.Data")]
    [InlineData("VikaIvr.Telephony")]
    [InlineData("VikaIvr.Testing")]
    public void No_static_mutable_fields(string layer)
    {
        var asm = Assembly.Load(layer);
        var offenders = new List<string>();
        foreach (var type in asm.GetTypes())
        {
            if (type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false)) continue;
            foreach (var f in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (f.IsLiteral || f.IsInitOnly) continue;
                if (f.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false)) continue;
                if (f.Name.Contains('<')) continue;
                offenders.Add($"{type.FullName}.{f.Name}");
            }
        }
        Assert.True(offenders.Count == 0, "static mutable fields: " + string.Join(", ", offenders));
    }
}
