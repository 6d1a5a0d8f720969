namespace VikaIvr.Server.Hosting;

/// <summary>
/// The operators' recording line: calls to <see cref="Number"/> run the recording flow. It opens
/// only with a PIN: a line without one would let any caller replace the prompts.
/// </summary>
public sealed record OperatorLine(string Number, string Pin)
{
    /// <summary>Used when the configuration names no number.</summary>
    public const string DefaultNumber = "16599";

    /// <summary>The PIN `vika simulate` uses, so call scripts never hold (or depend on) the real one.</summary>
    public const string SimulationPin = "246810";

    public const string FlowFile = "config/flows/recording.yaml";

    public bool IsOpen => Number.Length > 0 && Pin.Length > 0;

    public static OperatorLine From(OperatorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string number = string.IsNullOrWhiteSpace(settings.Number) ? DefaultNumber : settings.Number.Trim();
        return new OperatorLine(number, settings.Pin?.Trim() ?? "");
    }

    /// <summary>The same line with the simulation PIN, for `vika simulate`.</summary>
    public OperatorLine ForSimulation() => this with { Pin = SimulationPin };

    // The PIN never appears in logs or records.
    public override string ToString() => $"operator line {Number} ({(IsOpen ? "open" : "closed: no PIN")})";
}
