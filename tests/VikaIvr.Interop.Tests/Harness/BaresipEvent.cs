using System.Text.Json;

namespace VikaIvr.Interop.Tests.Harness;

/// <summary>An event or command response from baresip's ctrl_tcp (e.g. CALL_ESTABLISHED, CALL_CLOSED).</summary>
public sealed record BaresipEvent(bool IsResponse, string Type, string? Param, string? Token, bool Ok, string Raw)
{
    public static BaresipEvent Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var isResponse = root.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.True;
        return new BaresipEvent(
            isResponse,
            Text(root, "type") ?? (isResponse ? "RESPONSE" : "UNKNOWN"),
            Text(root, "param"),
            Text(root, "token"),
            root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True,
            json);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
