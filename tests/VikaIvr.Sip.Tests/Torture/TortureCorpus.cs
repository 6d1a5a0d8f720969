using System.Text.Json;

namespace VikaIvr.Sip.Tests.Torture;

/// <summary>
/// The RFC 4475 torture messages copied next to the test assembly (Torture/*.sip) and their
/// manifest (Torture/torture.json). Reusable by integration tests that fire them at a server.
/// </summary>
public static class TortureCorpus
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The folder holding the .sip files and the manifest.</summary>
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "Torture");

    /// <summary>All 49 cases in RFC order.</summary>
    public static IReadOnlyList<TortureCase> Load()
    {
        using var stream = File.OpenRead(Path.Combine(Directory, "torture.json"));
        return JsonSerializer.Deserialize<List<TortureCase>>(stream, JsonOptions)
            ?? throw new InvalidDataException("torture.json is empty");
    }

    public static TortureCase Get(string name)
    {
        foreach (var c in Load())
        {
            if (c.Name == name)
            {
                return c;
            }
        }

        throw new KeyNotFoundException("No torture case " + name);
    }

    /// <summary>The raw datagram of a case.</summary>
    public static byte[] ReadBytes(TortureCase c) => File.ReadAllBytes(Path.Combine(Directory, c.FileName));

    public static byte[] ReadBytes(string name) => File.ReadAllBytes(Path.Combine(Directory, name + ".sip"));

    /// <summary>Case names for xunit [MemberData].</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in Load())
        {
            data.Add(c.Name);
        }

        return data;
    }
}
