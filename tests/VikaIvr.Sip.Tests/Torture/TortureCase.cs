namespace VikaIvr.Sip.Tests.Torture;

/// <summary>
/// One RFC 4475 message and what the RFC asks for. <see cref="Outcome"/> is "valid" (parses and is
/// processed normally), "ua-refusal" (parses; the UA core answers one of <see cref="Statuses"/>),
/// "parse-error" (the parser refuses it; a UAS answers <see cref="Statuses"/>[0]) or "drop"
/// (a malformed response: discarded). Facts are set for everything that parses.
/// </summary>
public sealed record TortureCase
{
    public required string Name { get; init; }

    public required string Section { get; init; }

    public required string Title { get; init; }

    public required string Outcome { get; init; }

    /// <summary>"none", "parser" or "ua": which layer refuses the message.</summary>
    public required string Level { get; init; }

    /// <summary>Acceptable response codes, the RFC's preference first; empty when none is sent.</summary>
    public IReadOnlyList<int> Statuses { get; init; } = [];

    public string? Method { get; init; }

    public string? RequestUri { get; init; }

    /// <summary>Set for responses.</summary>
    public int? StatusCode { get; init; }

    public string? CallId { get; init; }

    public long? CseqNumber { get; init; }

    public string? CseqMethod { get; init; }

    public int? Vias { get; init; }

    public int? BodyLength { get; init; }

    public string? Note { get; init; }

    public bool Parses => Outcome is "valid" or "ua-refusal";

    /// <summary>The message file, byte for byte as in the RFC's archive.</summary>
    public string FileName => Name + ".sip";

    public override string ToString() => Name;
}
