namespace VikaIvr.Data.Migrations;

/// <summary>One schema step. Versions only grow; a shipped migration is never edited, only followed by another.</summary>
public sealed record Migration(int Version, string Name, string Sql);
