namespace VikaIvr.Jkn.Participants;

/// <summary>JKN membership segment (segmen kepesertaan).</summary>
public enum Segment
{
    /// <summary>PBI_APBN: contribution paid from the national budget.</summary>
    PbiApbn,
    /// <summary>PBI_APBD: contribution paid from a regional budget.</summary>
    PbiApbd,
    /// <summary>PPU_PN: wage earner, state employer.</summary>
    PpuPn,
    /// <summary>PPU_BU: wage earner, business employer.</summary>
    PpuBu,
    /// <summary>PBPU: non-wage earner (Mandiri), pays their own contribution.</summary>
    Pbpu,
    /// <summary>BP: non-worker, pays their own contribution.</summary>
    Bp,
}
